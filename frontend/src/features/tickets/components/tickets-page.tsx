/**
 * /tickets: my open tickets and my team's boards in the connected PSA, with search, filters
 * (board, status, company, priority) and pages; "Start session" opens a session on a ticket in
 * one click, and "Quick-create" turns pasted text into a ticket and a session.
 */
import { type KeyboardEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useStartSession } from "../api/create-ticket";
import { useTicketOptions } from "../api/get-options";
import { useTicketQueue } from "../api/get-queue";
import type { QueueFilters, QueueItem, View } from "../api/types";
import { problemKind, ticketErrorMessage } from "../model/errors";
import { QuickCreateDialog } from "./quick-create-dialog";

const TABS: { view: View; label: string }[] = [
  { view: "mine", label: "My tickets" },
  { view: "team", label: "Team boards" },
];

const tabClass = (on: boolean) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${on ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`;

export function TicketsPage() {
  const [filters, setFilters] = useState<Omit<QueueFilters, "q">>({
    view: "mine",
    board_id: "",
    status: "",
    company_id: "",
    priority_id: "",
    page: 1,
  });
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const queue = useTicketQueue({ ...filters, q });
  const options = useTicketOptions(filters.board_id);
  const change = (patch: Partial<QueueFilters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    e.preventDefault();
    const next = filters.view === "mine" ? "team" : "mine";
    change({ view: next });
    document.getElementById(`tickets-tab-${next}`)?.focus();
  }

  const o = options.data;
  const kind = problemKind(queue.error);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Tickets"
        description={o ? `Open tickets in ${o.provider_label}.` : "Open tickets in your team's PSA."}
        actions={<Button onClick={() => setCreating(true)}>Quick-create</Button>}
      />
      <div role="tablist" aria-label="Which tickets" className="flex gap-1">
        {TABS.map((t) => (
          <button
            key={t.view}
            id={`tickets-tab-${t.view}`}
            type="button"
            role="tab"
            aria-selected={filters.view === t.view}
            aria-controls="tickets-panel"
            tabIndex={filters.view === t.view ? 0 : -1}
            className={tabClass(filters.view === t.view)}
            onClick={() => change({ view: t.view })}
            onKeyDown={onTabKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="tickets-panel" role="tabpanel" aria-labelledby={`tickets-tab-${filters.view}`} className="space-y-3">
        <div className="flex flex-wrap gap-2">
          <Input
            type="search"
            aria-label="Search tickets"
            placeholder="Number, summary or company"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setFilters((f) => ({ ...f, page: 1 }));
            }}
            className="w-64"
            maxLength={200}
          />
          {o && (
            <>
              <Select aria-label="Board" value={filters.board_id} onChange={(e) => change({ board_id: e.target.value, status: "" })}>
                <option value="">All boards</option>
                {o.boards.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </Select>
              <Select aria-label="Status" value={filters.status} onChange={(e) => change({ status: e.target.value })}>
                <option value="">Any status</option>
                {o.statuses.map((s) => (
                  <option key={s.id} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </Select>
              <Select aria-label="Company" value={filters.company_id} onChange={(e) => change({ company_id: e.target.value })}>
                <option value="">All companies</option>
                {o.companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
              <Select aria-label="Priority" value={filters.priority_id} onChange={(e) => change({ priority_id: e.target.value })}>
                <option value="">Any priority</option>
                {o.priorities.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </>
          )}
        </div>
        {queue.isPending ? (
          <LoadingBlock label="Loading tickets" />
        ) : queue.isError ? (
          kind === "psa-not-configured" || kind === "psa-member-unknown" || kind === "psa-unsupported" ? (
            <EmptyState title={kind === "psa-member-unknown" ? "Your PSA member isn't known" : "No tickets to show"}>
              {ticketErrorMessage(queue.error)}
            </EmptyState>
          ) : (
            <ErrorState error={queue.error} title={ticketErrorMessage(queue.error)} onRetry={() => void queue.refetch()} />
          )
        ) : queue.data.items.length === 0 ? (
          <EmptyState title="No open tickets">
            {filters.view === "mine" ? "Nothing is assigned to you with these filters." : "No open ticket matches these filters."}
          </EmptyState>
        ) : (
          <TicketTable items={queue.data.items} />
        )}
        {queue.data && (filters.page > 1 || queue.data.has_more) && (
          <nav aria-label="Pages" className="flex items-center justify-end gap-2">
            <Button variant="secondary" size="sm" disabled={filters.page <= 1} onClick={() => setFilters((f) => ({ ...f, page: f.page - 1 }))}>
              Previous
            </Button>
            <span className="text-sm text-slate-600">Page {filters.page}</span>
            <Button variant="secondary" size="sm" disabled={!queue.data.has_more} onClick={() => setFilters((f) => ({ ...f, page: f.page + 1 }))}>
              Next
            </Button>
          </nav>
        )}
      </div>
      {creating && <QuickCreateDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function TicketTable({ items }: { items: QueueItem[] }) {
  const start = useStartSession();
  const navigate = useNavigate();
  const [starting, setStarting] = useState<string | null>(null);

  async function open(item: QueueItem) {
    setStarting(item.id);
    const session = await start.mutateAsync({ ticketId: item.id, title: item.summary }).catch(() => null);
    setStarting(null);
    if (session) navigate(`/sessions/${session.id}`);
  }

  return (
    <>
      {start.isError && (
        <p role="alert" className="text-sm text-red-700">
          Couldn't start the session: {ticketErrorMessage(start.error)}
        </p>
      )}
      <Table label="Open tickets">
        <THead>
          <Th>Ticket</Th>
          <Th>Summary</Th>
          <Th>Company</Th>
          <Th>Board</Th>
          <Th>Status</Th>
          <Th>Priority</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {items.map((t) => (
            <Tr key={t.id}>
              <Td>#{t.id}</Td>
              <Td>{t.summary}</Td>
              <Td>{t.company ?? "—"}</Td>
              <Td>{t.board ?? "—"}</Td>
              <Td>{t.status ?? "—"}</Td>
              <Td>{t.priority ?? "—"}</Td>
              <Td>
                <Button size="sm" variant="secondary" disabled={starting !== null} aria-label={`Start session on #${t.id}`} onClick={() => void open(t)}>
                  {starting === t.id ? "Starting…" : "Start session"}
                </Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
