/**
 * /handoffs — the escalation queue: Unclaimed / Claimed / All; a row opens the pickup screen.
 * Team admins also get "Metrics" (`?tab=metrics&days=30|90`).
 */
import { Link, useSearchParams } from "react-router";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDateTime, formatTimeSince } from "@/lib/format";
import { useHasRole } from "@/lib/use-role";
import type { MetricPeriod } from "../api/get-escalation-metrics";
import { type HandoffStatusFilter, useHandoffs } from "../api/list-handoffs";
import type { HandoffListItem } from "../api/types";
import { PriorityBadge } from "./badges";
import { EscalationMetrics } from "./escalation-metrics";

const TABS: { value: HandoffStatusFilter; label: string }[] = [
  { value: "unclaimed", label: "Unclaimed" },
  { value: "claimed", label: "Claimed" },
  { value: "all", label: "All" },
];

const EMPTY: Record<HandoffStatusFilter, string> = {
  unclaimed: "Nothing waiting for pickup",
  claimed: "Nobody has picked anything up yet",
  all: "No escalations yet",
};

function isFilter(v: string | null): v is HandoffStatusFilter {
  return v === "unclaimed" || v === "claimed" || v === "all";
}

export function HandoffsPage() {
  const [params, setParams] = useSearchParams();
  const isAdmin = useHasRole("team_admin");
  const raw = params.get("status");
  const status: HandoffStatusFilter = isFilter(raw) ? raw : "unclaimed";
  const showMetrics = isAdmin && params.get("tab") === "metrics";
  const days: MetricPeriod = params.get("days") === "90" ? 90 : 30;
  const handoffs = useHandoffs(status);

  return (
    <div>
      <PageHeader title="Escalations" description="Sessions handed over for a senior to pick up, each with its briefing." />
      <div className="space-y-3">
        <div role="tablist" aria-label="Escalation status" className="flex w-fit rounded-md bg-slate-100 p-0.5">
          {TABS.map((t) => (
            <button
              key={t.value}
              type="button"
              role="tab"
              aria-selected={!showMetrics && status === t.value}
              onClick={() => setParams(t.value === "unclaimed" ? {} : { status: t.value }, { replace: true })}
              className={tabClass(!showMetrics && status === t.value)}
            >
              {t.label}
            </button>
          ))}
          {isAdmin && (
            <button
              type="button"
              role="tab"
              aria-selected={showMetrics}
              onClick={() => setParams({ tab: "metrics" }, { replace: true })}
              className={tabClass(showMetrics)}
            >
              Metrics
            </button>
          )}
        </div>
        {showMetrics ? (
          <EscalationMetrics days={days} onDaysChange={(d) => setParams(d === 30 ? { tab: "metrics" } : { tab: "metrics", days: String(d) }, { replace: true })} />
        ) : handoffs.isPending ? (
          <LoadingBlock label="Loading escalations" />
        ) : handoffs.isError ? (
          <ErrorState error={handoffs.error} onRetry={() => void handoffs.refetch()} title="Couldn't load the escalations" />
        ) : handoffs.data.items.length === 0 ? (
          <EmptyState title={EMPTY[status]}>When an engineer escalates a session, it appears here and the people it went to are notified.</EmptyState>
        ) : (
          <Table label="Escalations">
            <THead>
              <Th>Priority</Th>
              <Th>Problem</Th>
              <Th>Domain</Th>
              <Th className="text-right">Steps</Th>
              <Th>Escalated</Th>
              <Th>Briefing</Th>
              <Th>Status</Th>
            </THead>
            <TBody>
              {handoffs.data.items.map((h) => (
                <HandoffRow key={h.id} handoff={h} />
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </div>
  );
}

function tabClass(selected: boolean): string {
  return cn("rounded px-3 py-1 text-sm font-medium", selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900");
}

function HandoffRow({ handoff: h }: { handoff: HandoffListItem }) {
  return (
    <Tr data-testid="handoff-row" data-status={h.status}>
      <Td>{h.kind === "park" ? <Badge tone="gray">Parked</Badge> : <PriorityBadge priority={h.priority} />}</Td>
      <Td className="max-w-md">
        <Link to={`/handoffs/${h.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
          {h.problem_summary || "Untitled problem"}
        </Link>
        {h.reason && <p className="truncate text-xs text-slate-500">{h.reason}</p>}
      </Td>
      <Td>{h.domain || <span className="text-slate-400">—</span>}</Td>
      <Td className="text-right tabular-nums">{h.step_count}</Td>
      <Td>
        <span title={formatDateTime(h.escalated_at)}>{formatTimeSince(h.escalated_at)}</span>
        {h.escalated_by_name && <span className="text-slate-500"> · {h.escalated_by_name}</span>}
      </Td>
      <Td>
        {h.kind === "park" ? (
          <span className="text-xs text-slate-500">No briefing (parked)</span>
        ) : h.assessment_status === "ready" ? (
          <Badge tone="green">Ready</Badge>
        ) : h.assessment_status === "pending" ? (
          <Badge tone="indigo">Writing…</Badge>
        ) : (
          <Badge tone="gray">Unavailable</Badge>
        )}
      </Td>
      <Td>
        {h.status === "claimed" ? (
          <span className="text-sm">
            {h.claimed_by_name ?? "Someone"} <span className="text-slate-500">· {formatTimeSince(h.claimed_at)}</span>
          </span>
        ) : h.status === "cancelled" ? (
          <Badge tone="gray">Withdrawn</Badge>
        ) : (
          <Badge tone="amber">Waiting</Badge>
        )}
      </Td>
    </Tr>
  );
}
