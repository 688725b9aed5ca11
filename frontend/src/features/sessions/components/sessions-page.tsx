/** /sessions — the sessions you (or, for team admins, your teams or everyone) worked on, newest activity first. */
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useHasRole } from "@/lib/use-role";
import { useSessions } from "../api/list-sessions";
import { useRunnableFlows } from "../api/search-flows";
import { SESSION_STATUSES, type SessionStatus } from "../api/types";
import { formatHoursMinutes } from "../model/clock";
import { STATUS_LABELS, StatusBadge } from "./status-badge";

/** A date input's day as the UTC instant its local midnight is (`until` is the next day's). */
function dayBound(value: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (next ? 1 : 0)).toISOString();
}

type Scope = "mine" | "team" | "all";
const SCOPE_LABELS: Record<Scope, string> = { mine: "Mine", team: "Team", all: "All" };
const EMPTY_TITLES: Record<Scope, string> = {
  mine: "You haven't started a session yet",
  team: "No sessions from your teams yet",
  all: "No sessions in this account yet",
};

export function SessionsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const canStart = useHasRole("engineer");
  const canSeeAll = useHasRole("team_admin");
  const requested = params.get("scope");
  const scope: Scope = canSeeAll && (requested === "all" || requested === "team") ? requested : "mine";
  const [text, setText] = useState(params.get("q") ?? "");
  const [ticketText, setTicketText] = useState(params.get("ticket") ?? "");
  const q = useDebouncedValue(text.trim(), 250);
  const ticket = useDebouncedValue(ticketText.trim(), 250);
  const status = params.get("status") ?? "";
  const flow = params.get("flow") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";

  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get("q") ?? "") !== q) set("q", q || null);
    if ((params.get("ticket") ?? "") !== ticket) set("ticket", ticket || null);
    // Only mirror the debounced values into the URL.
  }, [q, ticket]);

  const sessions = useSessions({
    scope,
    q: q || undefined,
    ticket_id: ticket || undefined,
    status: (SESSION_STATUSES as readonly string[]).includes(status) ? (status as SessionStatus) : undefined,
    // "Workaround" in the status menu is the outcome filter (such sessions have status resolved).
    outcome: status === "workaround" ? "workaround" : undefined,
    flow_id: flow || undefined,
    since: dayBound(from),
    until: dayBound(to, true),
  });
  const flows = useRunnableFlows("");
  const filtered = Boolean(q || ticket || status || flow || from || to);
  const rows = sessions.data?.pages.flatMap((p) => p.items) ?? [];

  function clearFilters() {
    setText("");
    setTicketText("");
    setParams(scope === "mine" ? new URLSearchParams() : new URLSearchParams({ scope }), { replace: true });
  }

  return (
    <div>
      <PageHeader
        title="Sessions"
        description="Troubleshooting sessions: every answer, note and command output, ready to become the ticket note."
        actions={
          canStart && <Button onClick={() => navigate("/sessions/new")}>Start session</Button>
        }
      />
      <div className="space-y-3">
        {canSeeAll && (
          <div role="tablist" aria-label="Whose sessions" className="flex w-fit rounded-md bg-slate-100 p-0.5">
            {(["mine", "team", "all"] as const).map((s) => (
              <button
                key={s}
                type="button"
                role="tab"
                aria-selected={scope === s}
                title={s === "team" ? "Sessions of everyone who shares a team with you" : undefined}
                onClick={() => set("scope", s === "mine" ? null : s)}
                className={cn("rounded px-3 py-1 text-sm font-medium", scope === s ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}
              >
                {SCOPE_LABELS[s]}
              </button>
            ))}
          </div>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <div className="relative min-w-56 flex-1">
            <Input
              type="search"
              aria-label="Search sessions"
              placeholder="Titles, tickets, notes, output…"
              value={text}
              onChange={(e) => setText(e.target.value)}
              className="w-full pr-8"
            />
            {sessions.isFetching && !sessions.isPending && !sessions.isFetchingNextPage && (
              <span className="absolute top-1/2 right-2 -translate-y-1/2">
                <Spinner label="Searching" />
              </span>
            )}
          </div>
          <Select aria-label="Status" value={status} onChange={(e) => set("status", e.target.value)}>
            <option value="">Any status</option>
            {SESSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
            <option value="workaround">Resolved with a workaround</option>
          </Select>
          <Select aria-label="Flow" value={flow} onChange={(e) => set("flow", e.target.value)} className="max-w-56">
            <option value="">Any flow</option>
            {flows.data?.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </Select>
          <Input aria-label="Ticket" placeholder="Ticket #" value={ticketText} onChange={(e) => setTicketText(e.target.value)} className="w-28" />
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            From
            <Input type="date" value={from} max={to || undefined} onChange={(e) => set("from", e.target.value)} />
          </label>
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            To
            <Input type="date" value={to} min={from || undefined} onChange={(e) => set("to", e.target.value)} />
          </label>
        </div>

        {sessions.isPending ? (
          <LoadingBlock label="Loading sessions" />
        ) : sessions.isError ? (
          <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} title="Couldn't load sessions" />
        ) : rows.length === 0 ? (
          filtered ? (
            <EmptyState
              title="No sessions match"
              action={
                <Button variant="secondary" onClick={clearFilters}>
                  Clear search and filters
                </Button>
              }
            >
              Try other words, a wider date range, or fewer filters.
            </EmptyState>
          ) : (
            <EmptyState
              title={EMPTY_TITLES[scope]}
              action={
                canStart ? (
                  <Link to="/sessions/new" className={buttonClasses("primary")}>
                    Start your first session
                  </Link>
                ) : undefined
              }
            >
              A session follows a flow (or runs freeform) and writes the ticket note from what you do.
            </EmptyState>
          )
        ) : (
          <>
            <Table label="Sessions">
              <THead>
                <Th>Title</Th>
                <Th>Ticket</Th>
                <Th>Flow</Th>
                <Th>Status</Th>
                <Th>Owner</Th>
                <Th className="text-right">Active time</Th>
                <Th>Updated</Th>
              </THead>
              <TBody>
                {rows.map((s) => (
                  <Tr key={s.id}>
                    <Td className="max-w-72">
                      <Link to={`/sessions/${s.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                        {s.title}
                      </Link>
                    </Td>
                    <Td className="font-mono text-xs">{s.ticket_id ?? "—"}</Td>
                    <Td className="max-w-56 truncate">{s.flow_title ?? <span className="text-slate-400">Freeform</span>}</Td>
                    <Td>
                      <StatusBadge status={s.status} outcome={s.outcome} />
                    </Td>
                    <Td>{s.owner_name ?? "—"}</Td>
                    <Td className="text-right font-mono text-xs tabular-nums">{formatHoursMinutes(s.active_seconds)}</Td>
                    <Td className="whitespace-nowrap text-xs text-slate-500">{formatDateTime(s.updated_at)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            {sessions.hasNextPage && (
              <div className="text-center">
                <Button variant="secondary" loading={sessions.isFetchingNextPage} onClick={() => void sessions.fetchNextPage()}>
                  Load more
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
