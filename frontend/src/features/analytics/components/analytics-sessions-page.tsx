/**
 * The sessions behind a figure or a coverage cell (GET /analytics/sessions with the same filters
 * plus an outcome), newest first; each opens the session.
 */
import { Link, useSearchParams } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { type SessionsQuery, useAnalyticsSessions } from "../api/list-analytics-sessions";
import { filterSearch, formatDay } from "../model/filters";
import { formatSeconds, outcomeLabel } from "../model/format";
import { CsvButton } from "./download-buttons";
import { TableSkeleton } from "./skeletons";

const KEYS = ["from", "to", "team_id", "user_id", "flow_id", "category", "client", "experiment_id", "variant", "outcome"] as const;
const OUTCOMES = new Set(["resolved", "workaround", "unresolved", "abandoned", "escalated", "open"]);
const TONES: Record<string, "green" | "red" | "amber" | "gray" | "indigo"> = {
  resolved: "green",
  workaround: "green",
  escalated: "red",
  abandoned: "amber",
  unresolved: "gray",
  open: "indigo",
};

function sessionsQuery(params: URLSearchParams): SessionsQuery {
  const query: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  if (query.outcome && !OUTCOMES.has(query.outcome)) delete query.outcome;
  return query as SessionsQuery;
}

/** "Category Network · escalated · 1 Mar – 30 Mar 2026". */
function describe(q: SessionsQuery): string {
  const parts: string[] = [];
  if (q.category) parts.push(`Category ${q.category}`);
  if (q.client) parts.push(`Client ${q.client}`);
  if (q.outcome) parts.push(outcomeLabel(q.outcome));
  if (q.from && q.to) parts.push(`${formatDay(q.from)} – ${formatDay(q.to)}`);
  return parts.join(" · ");
}

export function AnalyticsSessionsPage() {
  const [params] = useSearchParams();
  const query = sessionsQuery(params);
  const sessions = useAnalyticsSessions(query);
  const items = sessions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <Link to={`/analytics${filterSearch(params)}`} className="text-sm text-indigo-700 hover:underline">
        ← Analytics
      </Link>
      <PageHeader
        title="Sessions behind the figure"
        description={describe(query) || "Sessions in the range"}
        actions={items.length > 0 && <CsvButton what={{ table: "sessions", query }} label="Download these sessions as CSV" />}
      />
      {sessions.isPending ? (
        <TableSkeleton label="Loading sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} title="Couldn't load the sessions" />
      ) : items.length === 0 ? (
        <EmptyState title="No sessions match">Run sessions from flows and figures appear here.</EmptyState>
      ) : (
        <>
          <Table label="Sessions">
            <THead>
              <Th>Session</Th>
              <Th>Outcome</Th>
              <Th>Engineer</Th>
              <Th>Flow</Th>
              <Th>Category</Th>
              <Th>Client</Th>
              <Th className="text-right">Active time</Th>
              <Th>Started</Th>
            </THead>
            <TBody>
              {items.map((s) => (
                <Tr key={s.id}>
                  <Td>
                    <Link to={`/sessions/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                      {s.title}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={TONES[s.outcome] ?? "gray"}>{outcomeLabel(s.outcome)}</Badge>
                    {s.escalated && s.outcome !== "escalated" && <span className="ml-1 text-xs text-slate-500">was escalated</span>}
                  </Td>
                  <Td>{s.owner_name ?? "—"}</Td>
                  <Td>{s.flow_title ?? <span className="text-slate-400">No flow</span>}</Td>
                  <Td>{s.category}</Td>
                  <Td>{s.client}</Td>
                  <Td className="text-right tabular-nums">{formatSeconds(s.active_seconds)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(s.created_at)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {sessions.hasNextPage && (
            <Button variant="secondary" loading={sessions.isFetchingNextPage} onClick={() => void sessions.fetchNextPage()}>
              Load more
            </Button>
          )}
        </>
      )}
    </div>
  );
}
