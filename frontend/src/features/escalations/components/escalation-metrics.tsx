/**
 * The /handoffs "Metrics" tab (team admin+): time to pickup and from pickup to resolution, the
 * escalation rate per flow and per engineer, and how often the AI's likely cause was right.
 */
import { type ReactNode, useId } from "react";
import { Link } from "react-router";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDuration, plural } from "@/lib/format";
import { type EscalationMetrics as Metrics, METRIC_PERIODS, type MetricPeriod, type RateRow, useEscalationMetrics } from "../api/get-escalation-metrics";
import { bandLabel, calibrationSentence, formatPercent } from "../model/metrics";

export function EscalationMetrics({ days, onDaysChange }: { days: MetricPeriod; onDaysChange: (days: MetricPeriod) => void }) {
  const metrics = useEscalationMetrics(days);
  return (
    <div className="space-y-4" data-testid="escalation-metrics">
      <div role="group" aria-label="Period" className="flex w-fit rounded-md bg-slate-100 p-0.5">
        {METRIC_PERIODS.map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={days === d}
            onClick={() => onDaysChange(d)}
            className={cn("rounded px-3 py-1 text-sm font-medium", days === d ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}
          >
            Last {d} days
          </button>
        ))}
      </div>
      {metrics.isPending ? (
        <LoadingBlock label="Loading the metrics" />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} title="Couldn't load the metrics" />
      ) : metrics.data.escalations === 0 ? (
        <EmptyState title={`No escalations in the last ${metrics.data.days} days`}>
          Once engineers escalate sessions, this shows how fast they are picked up, which flows and people escalate most, and how often
          the AI's likely cause was right.
        </EmptyState>
      ) : (
        <MetricsBody m={metrics.data} />
      )}
    </div>
  );
}

function MetricsBody({ m }: { m: Metrics }) {
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Card label="Escalations" testId="metric-escalations" value={String(m.escalations)}>
          {m.claimed} picked up · {m.escalations - m.claimed} not yet
        </Card>
        <Card label="Time to pickup" testId="metric-time-to-pickup" value={formatDuration(m.median_time_to_pickup_s)}>
          {m.median_time_to_pickup_s == null ? "Nothing picked up yet" : "Median, from escalation to claim"}
        </Card>
        <Card label="Pickup to resolution" testId="metric-pickup-to-resolution" value={formatDuration(m.median_pickup_to_resolution_s)}>
          {m.median_pickup_to_resolution_s == null ? "No picked-up session resolved yet" : "Median, from claim to resolved"}
        </Card>
        <Card label="Assessment accuracy" testId="metric-assessment-accuracy" value={formatPercent(m.assessment_accuracy)}>
          {m.assessments_rated === 0 ? "No outcomes rated yet" : `Likely cause right, from ${plural(m.assessments_rated, "rated outcome")}`}
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <RateTable label="Escalation rate by flow" head="Flow" rows={m.per_flow} empty="No sessions ran a flow in this period." link={(r) => `/flows/${r.id}`} />
        <RateTable label="Escalation rate by engineer" head="Engineer" rows={m.per_engineer} empty="Nobody worked a session in this period." />
      </div>

      <Calibration m={m} />
    </div>
  );
}

function Card({ label, value, testId, children }: { label: string; value: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid={testId}>
      <h3 id={id} className="text-xs font-medium text-slate-500 uppercase">
        {label}
      </h3>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </p>
      <p className="mt-0.5 text-xs text-slate-500">{children}</p>
    </section>
  );
}

function RateTable({ label, head, rows, empty, link }: { label: string; head: string; rows: readonly RateRow[]; empty: string; link?: (r: RateRow) => string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-sm font-semibold text-slate-900">
        {label}
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <Table label={label}>
          <THead>
            <Th>{head}</Th>
            <Th className="text-right">Sessions</Th>
            <Th className="text-right">Escalated</Th>
            <Th className="text-right">Rate</Th>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td>
                  {link ? (
                    <Link to={link(r)} className="text-slate-900 hover:text-indigo-700 hover:underline">
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  )}
                </Td>
                <Td className="text-right tabular-nums">{r.sessions}</Td>
                <Td className="text-right tabular-nums">{r.escalated}</Td>
                <Td className="text-right tabular-nums">{formatPercent(r.rate)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

function Calibration({ m }: { m: Metrics }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="space-y-0.5">
        <h3 id={id} className="text-sm font-semibold text-slate-900">
          Assessment calibration
        </h3>
        <p className="text-xs text-slate-500">
          After a picked-up session is resolved, whoever picked it up says whether the AI's likely cause was right. Grouped by the
          confidence the AI gave.
        </p>
      </div>
      {m.assessments_rated === 0 ? (
        <p className="text-sm text-slate-500">No outcomes rated yet.</p>
      ) : (
        <Table label="Assessment calibration">
          <THead>
            <Th>AI confidence</Th>
            <Th className="text-right">Rated</Th>
            <Th className="text-right">Right</Th>
            <Th className="text-right">Accuracy</Th>
            <Th>In words</Th>
          </THead>
          <TBody>
            {m.calibration.map((b) => (
              <Tr key={b.label}>
                <Td className="tabular-nums">{bandLabel(b.label)}</Td>
                <Td className="text-right tabular-nums">{b.rated}</Td>
                <Td className="text-right tabular-nums">{b.correct}</Td>
                <Td className="text-right tabular-nums">{formatPercent(b.accuracy)}</Td>
                <Td className="text-slate-600">{calibrationSentence(b)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
