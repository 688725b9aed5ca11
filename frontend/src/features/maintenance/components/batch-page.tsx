/**
 * /maintenance/batches/:id — a batch, live: progress and counts, every target's state, who is on
 * it, how long and the last event. Filterable (`?show=`), keyboard-usable (j/k or ↑/↓ move, Enter
 * opens the target's session); skip or mark a target failed with a reason; the report.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { useCurrentUser } from "@/lib/current-user";
import { formatDateTime, formatDuration, formatTimeSince } from "@/lib/format";
import { ApiError, errorMessage } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import { useCancelBatch } from "../api/cancel-batch";
import { useClaimItem } from "../api/claim-item";
import { useCloseItem, type Verdict } from "../api/close-item";
import { useBatch } from "../api/get-batch";
import type { Batch, BatchItem } from "../api/types";
import { useLiveBatch } from "../hooks/use-live-batch";
import { useNow } from "../hooks/use-now";
import { navAction } from "../model/batch-nav";
import { countFor, eventLabel, filterItems, isItemFilter, isOpen, ITEM_FILTERS, type ItemFilter } from "../model/item-status";
import { BatchProgress } from "./batch-progress";
import { ClientTickets } from "./client-tickets";
import { ItemBadge } from "./item-badge";
import { ReasonDialog } from "./reason-dialog";
import { ReportDialog } from "./report-dialog";

const ASSIGNMENT_LABEL: Record<Batch["assignment"], string> = {
  user: "One engineer",
  pool: "Team pool",
  round_robin: "Round-robin",
};

export function BatchPage() {
  const { id = "" } = useParams();
  const batch = useBatch(id);
  if (batch.isPending) return <LoadingBlock label="Loading batch" />;
  if (batch.isError) {
    if (batch.error instanceof ApiError && (batch.error.status === 404 || batch.error.status === 422)) {
      return (
        <div className="py-16 text-center">
          <h1 className="text-lg font-semibold text-slate-900">This batch doesn't exist</h1>
          <p className="mt-1 text-sm text-slate-500">It may belong to another account, or the link is wrong.</p>
          <Link to="/maintenance/batches" className={buttonClasses("secondary", "md", "mt-6")}>
            Back to batches
          </Link>
        </div>
      );
    }
    return <ErrorState error={batch.error} onRetry={() => void batch.refetch()} title="Couldn't load this batch" />;
  }
  return <BatchView batch={batch.data} />;
}

function BatchView({ batch }: { batch: Batch }) {
  const live = useLiveBatch(batch.id, batch.status === "running");
  const [params, setParams] = useSearchParams();
  const raw = params.get("show");
  const filter: ItemFilter = isItemFilter(raw) ? raw : "all";
  const [text, setText] = useState("");
  const [reportOpen, setReportOpen] = useState(false);
  const [closing, setClosing] = useState<{ item: BatchItem; verdict: Verdict } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const close = useCloseItem(batch.id);
  const cancel = useCancelBatch(batch.id);
  const claim = useClaimItem(batch.id);
  const toast = useToast();
  const me = useCurrentUser().data;
  const now = useNow(30_000);
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const items = filterItems(batch.items, filter, text);
  const engineer = hasRole(me?.role, "engineer");
  const admin = hasRole(me?.role, "team_admin");
  const mayAct = (item: BatchItem) => engineer && isOpen(item.status) && (admin || item.assignee_id === null || item.assignee_id === me?.id);
  const mayClaim = (item: BatchItem) => engineer && batch.assignment === "pool" && item.assignee_id === null && isOpen(item.status);

  function select(next: ItemFilter) {
    const p = new URLSearchParams(params);
    if (next === "all") p.delete("show");
    else p.set("show", next);
    setParams(p, { replace: true });
  }

  function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
    const n = ITEM_FILTERS.length;
    const i = ITEM_FILTERS.findIndex((f) => f.value === filter);
    const j = e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i + n - 1) % n : -1;
    if (j < 0) return;
    e.preventDefault();
    select(ITEM_FILTERS[j]!.value);
    tabRefs.current[j]?.focus();
  }

  function submitReason(reason: string) {
    if (!closing) return;
    const { item, verdict } = closing;
    close.mutate(
      { itemId: item.id, verdict, reason },
      {
        onSuccess: () => {
          setClosing(null);
          toast.show(verdict === "skip" ? `${item.label} skipped.` : `${item.label} marked failed.`);
        },
      },
    );
  }

  return (
    <div className="space-y-5">
      <div>
        <Link to="/maintenance/batches" className="text-sm text-slate-500 hover:text-slate-900">
          ← Batches
        </Link>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-lg font-semibold text-slate-900">{batch.title}</h1>
              <Badge tone={batch.status === "running" ? "indigo" : batch.status === "completed" ? "green" : "gray"}>
                {batch.status === "running" ? "Running" : batch.status === "completed" ? "Completed" : "Cancelled"}
              </Badge>
              <LiveIndicator state={live} running={batch.status === "running"} />
            </div>
            <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
              <div className="flex gap-1">
                <dt>Flow</dt>
                <dd className="font-medium text-slate-700">
                  {batch.flow_title} <Badge tone="green">v{batch.flow_version}</Badge>
                </dd>
              </div>
              <div className="flex gap-1">
                <dt>Assignment</dt>
                <dd className="font-medium text-slate-700">{ASSIGNMENT_LABEL[batch.assignment]}</dd>
              </div>
              <div className="flex gap-1">
                <dt>Started</dt>
                <dd>{formatDateTime(batch.created_at)}</dd>
              </div>
              {batch.completed_at && (
                <div className="flex gap-1">
                  <dt>Completed</dt>
                  <dd>{formatDateTime(batch.completed_at)}</dd>
                </div>
              )}
            </dl>
          </div>
          <div className="flex gap-2">
            {/* Who launched it (or made its schedule) or a team admin may cancel it. */}
            {(admin || (engineer && me?.id === batch.launched_by_id)) && batch.status === "running" && (
              <Button
                variant="ghost"
                onClick={() => {
                  cancel.reset();
                  setCancelling(true);
                }}
              >
                Cancel batch…
              </Button>
            )}
            <Button variant="secondary" onClick={() => setReportOpen(true)}>
              Report
            </Button>
          </div>
        </div>
      </div>

      {batch.cancellation && (
        <p role="note" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200" data-testid="batch-cancellation">
          Cancelled by {batch.cancellation.cancelled_by_name ?? "a former user"} on {formatDateTime(batch.cancellation.cancelled_at)}
          {batch.cancellation.reason ? `: ${batch.cancellation.reason}` : "."}
        </p>
      )}

      <section aria-label="Progress" className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <BatchProgress counts={batch.counts} label="Batch progress" />
        <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm" data-testid="batch-counts">
          {ITEM_FILTERS.filter((f) => f.value !== "all" && f.value !== "open").map((f) => (
            <div key={f.value} className="flex items-baseline gap-1.5" data-status={f.value}>
              <dt className="text-slate-500">{f.label}</dt>
              <dd className="font-semibold text-slate-900 tabular-nums">{countFor(batch.counts, f.value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="tablist" aria-label="Show targets" className="flex w-fit flex-wrap rounded-md bg-slate-100 p-0.5" onKeyDown={onTabKey}>
          {ITEM_FILTERS.map((f, i) => (
            <button
              key={f.value}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              id={`${baseId}-tab-${f.value}`}
              type="button"
              role="tab"
              aria-selected={filter === f.value}
              aria-controls={`${baseId}-panel`}
              tabIndex={filter === f.value ? 0 : -1}
              onClick={() => select(f.value)}
              className={cn(
                "rounded px-2.5 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
                filter === f.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {f.label} <span className="text-xs text-slate-500 tabular-nums">{countFor(batch.counts, f.value)}</span>
            </button>
          ))}
        </div>
        <Input type="search" aria-label="Find a target" placeholder="Find a target, client or engineer" value={text} onChange={(e) => setText(e.target.value)} className="w-64" />
      </div>

      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${filter}`}>
        {items.length === 0 ? (
          <EmptyState title={text ? "No target matches" : "No targets here"}>
            {text ? "Try another name, or clear the search." : "No target of this batch is in this state right now."}
          </EmptyState>
        ) : (
          <ItemsTable
            batch={batch}
            items={items}
            now={now}
            mayAct={mayAct}
            mayClaim={mayClaim}
            claiming={claim.isPending ? (claim.variables ?? null) : null}
            onClaim={(item) =>
              claim.mutate(item.id, {
                onSuccess: () => toast.show(`${item.label} is yours.`),
                onError: (error) => toast.show(errorMessage(error), "error"),
              })
            }
            onClose={(item, verdict) => {
              close.reset();
              setClosing({ item, verdict });
            }}
          />
        )}
      </div>

      <ClientTickets key={batch.status} batch={batch} canEdit={engineer} />

      {closing && (
        <ReasonDialog
          title={closing.verdict === "skip" ? `Skip ${closing.item.label}` : `Mark ${closing.item.label} failed`}
          description={
            closing.verdict === "skip"
              ? "The target is left out of this run; its session ends as abandoned. The reason goes in the report."
              : "The target failed; its session ends unresolved. The reason goes in the report."
          }
          submitLabel={closing.verdict === "skip" ? "Skip target" : "Mark failed"}
          danger={closing.verdict === "fail"}
          placeholder={closing.verdict === "skip" ? "e.g. Server decommissioned last week" : "e.g. Update KB5034441 fails with 0x80070643"}
          pending={close.isPending}
          error={close.error}
          onSubmit={submitReason}
          onClose={() => setClosing(null)}
        />
      )}
      {cancelling && (
        <ReasonDialog
          title={`Cancel ${batch.title}`}
          description="Targets not finished yet are skipped with this reason and their sessions end; escalated ones stay with the senior. No PSA note goes out."
          submitLabel="Cancel batch"
          danger
          placeholder="e.g. Change freeze until Monday"
          pending={cancel.isPending}
          error={cancel.error}
          onSubmit={(reason) =>
            cancel.mutate(reason, {
              onSuccess: () => {
                setCancelling(false);
                toast.show("Batch cancelled.");
              },
            })
          }
          onClose={() => setCancelling(false)}
        />
      )}
      {reportOpen && <ReportDialog batchId={batch.id} title={batch.title} onClose={() => setReportOpen(false)} />}
    </div>
  );
}

function LiveIndicator({ state, running }: { state: ReturnType<typeof useLiveBatch>; running: boolean }) {
  if (!running) return null;
  const text = state === "live" ? "Live" : state === "stopped" ? "Not live" : "Connecting…";
  return (
    <span role="status" className="inline-flex items-center gap-1 text-xs text-slate-500" data-testid="batch-live" data-state={state}>
      <span aria-hidden="true" className={cn("size-2 rounded-full", state === "live" ? "bg-emerald-500 motion-safe:animate-pulse" : "bg-slate-300")} />
      {text}
    </span>
  );
}

function ItemsTable({
  batch,
  items,
  now,
  mayAct,
  mayClaim,
  claiming,
  onClaim,
  onClose,
}: {
  batch: Batch;
  items: BatchItem[];
  now: Date;
  mayAct: (item: BatchItem) => boolean;
  mayClaim: (item: BatchItem) => boolean;
  claiming: string | null;
  onClaim: (item: BatchItem) => void;
  onClose: (item: BatchItem, verdict: Verdict) => void;
}) {
  const navigate = useNavigate();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const index = Math.max(
    items.findIndex((i) => i.id === selectedId),
    -1,
  );
  // The selection stays on a visible row when the filter changes.
  const current = index >= 0 ? index : 0;

  useEffect(() => {
    if (selectedId && !items.some((i) => i.id === selectedId)) setSelectedId(null);
  }, [items, selectedId]);

  function open(item: BatchItem) {
    if (item.session_id) void navigate(`/sessions/${item.session_id}`);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableRowElement>) {
    // Only when a row itself has focus: buttons and links in it keep their own Enter.
    if (!(e.target instanceof HTMLTableRowElement)) return;
    const action = navAction(e, current, items.length);
    if (!action) return;
    e.preventDefault();
    if (action.type === "open") {
      const item = items[current];
      if (item) open(item);
      return;
    }
    const next = items[action.to];
    if (!next) return;
    setSelectedId(next.id);
    rowRefs.current.get(next.id)?.focus();
  }

  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500" id="batch-keys">
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">j</kbd>/<kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">k</kbd> or arrows to move between targets,{" "}
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">Enter</kbd> to open the target's session.
      </p>
      <Table label="Targets">
        <THead>
          <Th>Target</Th>
          <Th>State</Th>
          <Th>Engineer</Th>
          <Th>Elapsed</Th>
          <Th>Last event</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {items.map((item, i) => (
            <tr
              key={item.id}
              ref={(el) => {
                if (el) rowRefs.current.set(item.id, el);
                else rowRefs.current.delete(item.id);
              }}
              tabIndex={i === current ? 0 : -1}
              aria-selected={i === current}
              aria-describedby="batch-keys"
              data-testid="batch-item"
              data-status={item.status}
              data-label={item.label}
              onFocus={() => setSelectedId(item.id)}
              onKeyDown={onKeyDown}
              className={cn("outline-none hover:bg-slate-50/60 focus-visible:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-inset", i === current && "bg-slate-50")}
            >
              <Td>
                <div className="font-medium text-slate-900">{item.label}</div>
                {item.client && <div className="text-xs text-slate-500">{item.client}</div>}
              </Td>
              <Td>
                <ItemBadge status={item.status} />
                {item.reason && <p className="mt-0.5 max-w-56 text-xs break-words text-slate-500">{item.reason}</p>}
              </Td>
              <Td className="whitespace-nowrap">
                {item.assignee_name ?? <span className="text-slate-400">{batch.assignment === "pool" ? "Unclaimed" : "—"}</span>}
              </Td>
              <Td className="whitespace-nowrap tabular-nums">{item.active_seconds > 0 ? formatDuration(item.active_seconds) : "—"}</Td>
              <Td className="whitespace-nowrap text-xs">
                {item.last_event_at ? (
                  <>
                    <span className="text-slate-700">{eventLabel(item.last_event_type)}</span>
                    <time dateTime={item.last_event_at} title={formatDateTime(item.last_event_at)} className="block text-slate-500">
                      {formatTimeSince(item.last_event_at, now)}
                    </time>
                  </>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="text-right whitespace-nowrap">
                <div className="flex justify-end gap-1">
                  {item.session_id && (
                    <Link to={`/sessions/${item.session_id}`} className={buttonClasses("secondary", "sm")}>
                      Open<span className="sr-only"> {item.label}</span>
                    </Link>
                  )}
                  {mayClaim(item) && (
                    <Button size="sm" variant="secondary" loading={claiming === item.id} onClick={() => onClaim(item)}>
                      Claim<span className="sr-only"> {item.label}</span>
                    </Button>
                  )}
                  {mayAct(item) && (
                    <>
                      <Button size="sm" variant="ghost" onClick={() => onClose(item, "skip")}>
                        Skip…<span className="sr-only"> {item.label}</span>
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => onClose(item, "fail")}>
                        Mark failed…<span className="sr-only"> {item.label}</span>
                      </Button>
                    </>
                  )}
                </div>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
