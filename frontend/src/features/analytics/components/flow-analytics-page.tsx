/**
 * One flow's analytics: its figures in the range, the path view (reached, dropped and median time
 * per step; how often each edge was taken) and the same per step as a table (and CSV).
 */
import { Link, useParams } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { useHasRole } from "@/lib/use-role";
import { useFlowAnalytics } from "../api/get-flow-analytics";
import type { FlowAnalytics } from "../api/types";
import { useAnalyticsFilters } from "../hooks/use-analytics-filters";
import { formatCount, formatRate, formatSeconds, formatStars } from "../model/format";
import { dropShare } from "../model/path";
import { CsvButton } from "./download-buttons";
import { FiltersBar } from "./filters-bar";
import { PathView } from "./path-view";
import { BlockSkeleton } from "./skeletons";

export function FlowAnalyticsPage() {
  const { id = "" } = useParams();
  const lead = useHasRole("team_admin");
  const { error, query, search } = useAnalyticsFilters();
  // The page is the flow: a flow filter carried over from the overview does not apply here.
  const { flow_id: _ignored, ...flowQuery } = query;
  const flow = useFlowAnalytics(id, flowQuery, error === null);
  const data = flow.data;

  return (
    <div className="space-y-6">
      <Link to={`/analytics${search}`} className="text-sm text-indigo-700 hover:underline">
        ← Analytics
      </Link>
      <PageHeader
        title={data ? data.title : "Flow analytics"}
        description={
          data
            ? `${data.category || "Uncategorised"} · ${data.version == null ? "not published" : `version ${data.version}`} · last edited ${formatDate(data.last_edited)}`
            : undefined
        }
        actions={
          <>
            <CsvButton what={{ table: "flow", flowId: id, query: flowQuery }} label="Download step figures as CSV" />
            <Link to={`/flows/${id}`} className={buttonClasses("secondary", "sm")}>
              Open flow
            </Link>
          </>
        }
      />
      <FiltersBar lead={lead} showFlow={false} />
      {error ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-500">
          Fix the date range above to see figures.
        </p>
      ) : flow.isPending ? (
        <>
          <BlockSkeleton label="Loading the flow's figures" className="h-24" />
          <BlockSkeleton label="Loading the path view" className="h-[560px]" />
        </>
      ) : flow.isError ? (
        <ErrorState error={flow.error} onRetry={() => void flow.refetch()} title="Couldn't load this flow's figures" />
      ) : (
        <FlowBody flow={flow.data} />
      )}
    </div>
  );
}

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
      {sub && <dd className="text-xs text-slate-500">{sub}</dd>}
    </div>
  );
}

function FlowBody({ flow }: { flow: FlowAnalytics }) {
  const older = flow.nodes.filter((n) => !n.in_graph);
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Flow figures" data-testid="flow-figures">
        <Figure label="Runs" value={formatCount(flow.runs)} sub={flow.open > 0 ? `${formatCount(flow.open)} still open` : undefined} />
        <Figure label="Resolution rate" value={formatRate(flow.resolution_rate)} sub={`${formatCount(flow.resolved)} resolved${flow.workaround > 0 ? `, ${formatCount(flow.workaround)} with a workaround` : ""}`} />
        <Figure label="Median time to resolve" value={formatSeconds(flow.median_active_seconds)} />
        <Figure label="Abandonment" value={formatRate(flow.abandonment_rate)} sub={`${formatCount(flow.abandoned)} abandoned`} />
        <Figure label="Escalations" value={formatCount(flow.escalated)} sub={`${formatRate(flow.escalation_rate)} of runs`} />
        <Figure label="Unresolved" value={formatCount(flow.unresolved)} />
        <Figure
          label="Rating"
          value={formatStars(flow.rating?.average)}
          sub={flow.rating ? `${flow.rating.count} ratings of its library steps` : "No rated library steps"}
        />
        <Figure label="Version" value={flow.version == null ? "Draft" : `v${flow.version}`} sub={`edited ${formatDate(flow.last_edited)}`} />
      </dl>
      {flow.runs === 0 && (
        <EmptyState title="No runs of this flow in this range">
          Start a session from this flow and its path figures appear here: how many runs reach each step, where they stop and how long
          each step takes.
        </EmptyState>
      )}
      <section aria-labelledby="path-title" className="space-y-2">
        <h2 id="path-title" className="text-base font-semibold text-slate-900">
          Path view
        </h2>
        <p className="text-xs text-slate-500">
          Each step: runs that reached it, runs that left the flow there without resolving (drop-off), and the median active time
          from showing it to answering it.
        </p>
        <PathView flow={flow} />
      </section>
      <section aria-labelledby="steps-title" className="space-y-2">
        <h2 id="steps-title" className="text-base font-semibold text-slate-900">
          Steps
        </h2>
        <StepsTable flow={flow} />
        {older.length > 0 && (
          <p className="text-xs text-slate-500">
            {older.length} {older.length === 1 ? "step comes" : "steps come"} from older versions of the flow (marked “older version”).
          </p>
        )}
      </section>
    </>
  );
}

export function StepsTable({ flow }: { flow: FlowAnalytics }) {
  if (flow.nodes.length === 0) return <p className="text-sm text-slate-500">This flow has no steps yet.</p>;
  return (
    <Table label="Step figures">
      <THead>
        <Th>Step</Th>
        <Th className="text-right">Reached</Th>
        <Th className="text-right">Answered</Th>
        <Th className="text-right">Dropped</Th>
        <Th className="text-right">Drop-off</Th>
        <Th className="text-right">Median time</Th>
        <Th className="text-right">Rating</Th>
      </THead>
      <TBody>
        {flow.nodes.map((n) => (
          <Tr key={n.node_id}>
            <Td>
              <span className="font-medium text-slate-900">{n.title}</span>
              <span className="block text-xs text-slate-500">
                {n.type ?? "step"}
                {!n.in_graph && " · older version"}
              </span>
            </Td>
            <Td className="text-right tabular-nums">{formatCount(n.reached)}</Td>
            <Td className="text-right tabular-nums">{formatCount(n.answered)}</Td>
            <Td className="text-right tabular-nums">
              {formatCount(n.dropped)}
              {n.still_open > 0 && <span className="block text-xs text-slate-500">{formatCount(n.still_open)} still open</span>}
            </Td>
            <Td className="text-right tabular-nums">{formatRate(dropShare(n))}</Td>
            <Td className="text-right tabular-nums">{formatSeconds(n.median_seconds)}</Td>
            <Td className="text-right tabular-nums">{n.rating ? `${formatStars(n.rating.average)} (${n.rating.count})` : "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
