/**
 * /maintenance/batches — every batch, running first, then the newest, with its progress;
 * `?status=running|completed|cancelled` filters. Engineers launch a batch from here.
 */
import { type KeyboardEvent, useId, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useBatches } from "../api/list-batches";
import { useMaintenanceSchedules } from "../api/list-schedules";
import type { BatchStatus } from "../api/types";
import { BatchProgress } from "./batch-progress";
import { MaintenanceNav } from "./maintenance-nav";

const FILTERS: { value: BatchStatus | null; label: string }[] = [
  { value: null, label: "All" },
  { value: "running", label: "Running" },
  { value: "completed", label: "Completed" },
  { value: "cancelled", label: "Cancelled" },
];

function statusOf(raw: string | null): BatchStatus | null {
  return raw === "running" || raw === "completed" || raw === "cancelled" ? raw : null;
}

export function BatchesPage() {
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get("status"));
  const scheduleId = params.get("schedule");
  const schedules = useMaintenanceSchedules();
  const scheduleTitle = scheduleId ? (schedules.data?.find((s) => s.id === scheduleId)?.title ?? "one schedule") : null;
  const canLaunch = useHasRole("engineer");
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  function select(next: BatchStatus | null) {
    const p = new URLSearchParams(params);
    if (next) p.set("status", next);
    else p.delete("status");
    setParams(p, { replace: true });
  }
  function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
    const n = FILTERS.length;
    const i = FILTERS.findIndex((f) => f.value === status);
    const j = e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i + n - 1) % n : -1;
    if (j < 0) return;
    e.preventDefault();
    select(FILTERS[j]!.value);
    tabRefs.current[j]?.focus();
  }

  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Maintenance"
        description="Routine work across many machines: schedules launch batches, a batch runs one session per target."
        actions={
          canLaunch && (
            <Link to="/maintenance/batches/new" className={buttonClasses("primary")}>
              Launch a batch
            </Link>
          )
        }
      />
      <MaintenanceNav />
      <div className="space-y-3">
        {scheduleTitle && (
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="schedule-filter">
            Batches of <span className="font-medium text-slate-900">{scheduleTitle}</span>
            <Link to={status ? `/maintenance/batches?status=${status}` : "/maintenance/batches"} className="text-indigo-600 hover:underline">
              Show every batch
            </Link>
          </p>
        )}
        <div role="tablist" aria-label="Batch status" className="flex w-fit flex-wrap rounded-md bg-slate-100 p-0.5" onKeyDown={onTabKey}>
          {FILTERS.map((f, i) => (
            <button
              key={f.label}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              id={`${baseId}-tab-${i}`}
              type="button"
              role="tab"
              aria-selected={status === f.value}
              aria-controls={`${baseId}-panel`}
              tabIndex={status === f.value ? 0 : -1}
              onClick={() => select(f.value)}
              className={cn(
                "rounded px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
                status === f.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {f.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${FILTERS.findIndex((f) => f.value === status)}`}>
          <BatchesTable key={`${status ?? "all"}-${scheduleId ?? ""}`} status={status} scheduleId={scheduleId} canLaunch={canLaunch} />
        </div>
      </div>
    </div>
  );
}

function BatchesTable({ status, scheduleId, canLaunch }: { status: BatchStatus | null; scheduleId: string | null; canLaunch: boolean }) {
  const batches = useBatches(status, scheduleId);
  const rows = batches.data?.pages.flatMap((p) => p.items) ?? [];
  if (batches.isPending) return <LoadingBlock label="Loading batches" />;
  if (batches.isError && rows.length === 0) {
    return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} title="Couldn't load the batches" />;
  }
  if (rows.length === 0) {
    return (
      <EmptyState
        title={status === "running" ? "Nothing running" : status ? `No ${status} batches` : "No batches yet"}
        action={
          canLaunch && (
            <Link to="/maintenance/batches/new" className={buttonClasses("secondary")}>
              Launch a batch
            </Link>
          )
        }
      >
        A batch runs a maintenance or procedural flow across a target list: one session per target. Schedules launch them on
        their own, or launch one now.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <Table label="Batches">
        <THead>
          <Th>Batch</Th>
          <Th>Status</Th>
          <Th>Progress</Th>
          <Th>Started</Th>
        </THead>
        <TBody>
          {rows.map((b) => (
            <Tr key={b.id} data-testid="batch-row" data-status={b.status}>
              <Td>
                <Link to={`/maintenance/batches/${b.id}`} className="font-medium text-indigo-700 hover:underline">
                  {b.title}
                </Link>
                <div className="text-xs text-slate-500">
                  {b.flow_title} · {b.counts.total} targets{b.schedule_id ? " · scheduled" : ""}
                </div>
              </Td>
              <Td>
                <Badge tone={b.status === "running" ? "indigo" : b.status === "completed" ? "green" : "gray"}>
                  {b.status === "running" ? "Running" : b.status === "completed" ? "Completed" : "Cancelled"}
                </Badge>
                {b.counts.escalated > 0 && (
                  <span className="ml-1">
                    <Badge tone="amber">{b.counts.escalated} escalated</Badge>
                  </span>
                )}
              </Td>
              <Td className="w-64">
                <BatchProgress counts={b.counts} label={`Progress of ${b.title}`} compact />
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(b.created_at)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <div className="flex items-center justify-center gap-3">
        {batches.isError && (
          <p role="alert" className="text-sm text-red-700">
            Couldn't refresh the batches: {errorMessage(batches.error)}
          </p>
        )}
        {batches.hasNextPage && (
          <Button variant="secondary" onClick={() => void batches.fetchNextPage()} loading={batches.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </div>
    </div>
  );
}
