/**
 * The overview: headline cards with the change against the previous period, sessions per day,
 * where the sessions stand, FlowPilot, copilot use and the PSA push funnel.
 */
import { Link } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useOverview } from "../api/get-overview";
import type { Overview } from "../api/types";
import { type AnalyticsQuery, formatDay } from "../model/filters";
import { formatCount, formatRate } from "../model/format";
import { ChartPanel } from "./chart-panel";
import { Figures, FunnelChart, OutcomeChart, outcomeBars, TierChart, tierBars, TrendChart } from "./charts";
import { CsvButton } from "./download-buttons";
import { HeadlineCards, HeadlineSkeleton } from "./headline-cards";

function fileSuffix(o: Pick<Overview, "from" | "to">): string {
  return `${o.from}_${o.to}`;
}

export function OverviewSection({ query, canRun }: { query: AnalyticsQuery; canRun: boolean }) {
  const overview = useOverview(query);
  return (
    <section aria-labelledby="headline-title" className="space-y-4" aria-busy={overview.isFetching || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="headline-title" className="text-base font-semibold text-slate-900">
            Headline figures
          </h2>
          {overview.data && (
            <p className="text-xs text-slate-500">
              {formatDay(overview.data.from)} – {formatDay(overview.data.to)}, compared with{" "}
              {formatDay(overview.data.previous.from)} – {formatDay(overview.data.previous.to)}
            </p>
          )}
        </div>
        <CsvButton what={{ table: "headline", query }} label="Download headline figures as CSV" />
      </div>
      {overview.isPending ? (
        <HeadlineSkeleton />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} title="Couldn't load the figures" />
      ) : overview.data.sessions === 0 ? (
        <EmptyState
          title="No sessions in this range"
          action={
            canRun ? (
              <Link to="/flows" className={buttonClasses("secondary", "sm")}>
                Browse flows
              </Link>
            ) : undefined
          }
        >
          Run sessions from flows and figures appear here.
          {overview.data.previous.sessions > 0 &&
            ` The ${overview.data.days} days before had ${formatCount(overview.data.previous.sessions)}: try a longer range or fewer filters.`}
        </EmptyState>
      ) : (
        <OverviewBody overview={overview.data} query={query} />
      )}
    </section>
  );
}

function OverviewBody({ overview: o, query }: { overview: Overview; query: AnalyticsQuery }) {
  const suffix = fileSuffix(o);
  const period = `${formatDay(o.from)} – ${formatDay(o.to)}`;
  return (
    <>
      <HeadlineCards overview={o} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartPanel
          title="Sessions per day"
          pngTitle={`Sessions per day, ${period}`}
          description="Sessions started each day, how many of them are resolved, and how many were escalated."
          pngName={`analytics-sessions-per-day_${suffix}.png`}
          actions={<CsvButton what={{ table: "series", query }} label="Download sessions per day as CSV" />}
        >
          <TrendChart series={o.series} />
        </ChartPanel>
        <ChartPanel
          title="Where sessions stand"
          pngTitle={`Where sessions stand, ${period}`}
          description="The range's sessions by their state now. Resolved means the cause was fixed; a workaround is resolved too, with the cause still there."
          pngName={`analytics-outcomes_${suffix}.png`}
        >
          <OutcomeChart byOutcome={o.by_outcome} />
          <Figures
            label="Sessions by outcome"
            items={outcomeBars(o.by_outcome).map((b) => ({ label: b.label, value: formatCount(b.value), colour: b.colour }))}
          />
        </ChartPanel>
        <ChartPanel
          title="FlowPilot"
          pngTitle={`FlowPilot, ${period}`}
          description={`${formatCount(o.pilot.sessions)} FlowPilot sessions by confidence tier, and the flows it proposed.`}
          pngName={o.pilot.sessions > 0 ? `analytics-flowpilot_${suffix}.png` : undefined}
        >
          {o.pilot.sessions === 0 ? (
            <p className="text-sm text-slate-500">No FlowPilot sessions in this range. Start a session without a flow and FlowPilot's figures appear here.</p>
          ) : (
            <>
              <TierChart pilot={o.pilot} />
              <Figures
                label="FlowPilot tiers"
                items={tierBars(o.pilot).map((b) => ({ label: b.label, value: formatCount(b.value), colour: b.colour }))}
              />
            </>
          )}
          <p className="mt-2 text-sm text-slate-700" data-testid="pilot-accepted">
            Proposed flow accepted: <strong className="tabular-nums">{formatRate(o.pilot.accepted_rate)}</strong>{" "}
            <span className="text-slate-500">
              ({formatCount(o.pilot.accepted)} of {formatCount(o.pilot.proposed)} proposed; {formatCount(o.pilot.declined)} declined)
            </span>
          </p>
        </ChartPanel>
        <ChartPanel
          title="PSA pushes"
          pngTitle={`PSA pushes, ${period}`}
          description="Documentation pushed to the PSA for the range's sessions: queued → sent → failed."
          pngName={o.psa_pushes.queued > 0 ? `analytics-psa-pushes_${suffix}.png` : undefined}
        >
          {o.psa_pushes.queued === 0 ? (
            <p className="text-sm text-slate-500">No pushes to the PSA in this range. Push a session's note to its ticket and the funnel appears here.</p>
          ) : (
            <>
              <FunnelChart psa={o.psa_pushes} />
              <p className="mt-2 text-sm text-slate-700" data-testid="psa-funnel">
                {formatCount(o.psa_pushes.queued)} queued → {formatCount(o.psa_pushes.sent)} sent → {formatCount(o.psa_pushes.failed)} failed
                {o.psa_pushes.pending > 0 && <span className="text-slate-500"> ({formatCount(o.psa_pushes.pending)} still pending)</span>}
              </p>
            </>
          )}
        </ChartPanel>
      </div>
      <section aria-labelledby="copilot-title" className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="copilot-use">
        <h3 id="copilot-title" className="text-sm font-semibold text-slate-900">
          Copilot use
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          The copilot offered suggestions in <strong className="tabular-nums">{formatCount(o.copilot_use.sessions)}</strong> sessions (
          {formatRate(o.copilot_use.rate)} of all); a suggestion was accepted in{" "}
          <strong className="tabular-nums">{formatCount(o.copilot_use.accepted_sessions)}</strong> of them (
          {formatCount(o.copilot_use.suggestions_accepted)} suggestions accepted in all).
        </p>
      </section>
    </>
  );
}
