/**
 * /flows/:id/ab-test — the flow's A/B test: the running test's figures per variant, its
 * significance tests and plain sentence, Stop (team admins); or the form to start one; and the
 * tests run before.
 */
import { Link, useParams } from "react-router";
import { Badge } from "@/components/ui/badge";
import { LoadFailed } from "@/components/ui/load-failed";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useHasRole } from "@/lib/use-role";
import { useCurrentExperiment } from "../api/get-current-experiment";
import { type FlowRead, useFlow } from "../api/get-flow";
import { useExperiments } from "../api/list-experiments";
import type { Experiment } from "../api/types";
import { formatRate, PROMOTE_LABELS, splitLabel } from "../model/format";
import { ResultsTable, SignificanceList } from "./results-table";
import { StartExperimentForm } from "./start-experiment-form";
import { StopExperiment } from "./stop-experiment";

function Skeleton({ rows = 4, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <div className="h-4 w-40 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-3 animate-pulse rounded bg-slate-100 motion-reduce:animate-none" style={{ width: `${90 - i * 12}%` }} />
      ))}
    </div>
  );
}

function bLabel(e: Experiment): string {
  return e.b_source === "draft" ? `v${e.version_b} (the draft as of the start)` : `v${e.version_b}`;
}

function RunningTest({ experiment, flow, canStop }: { experiment: Experiment; flow: FlowRead; canStop: boolean }) {
  const { results } = experiment;
  return (
    <section aria-labelledby="running-heading" className="space-y-4 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="running-heading" className="flex items-center gap-2 text-base font-semibold text-slate-900">
            Running: v{experiment.version_a} against {bLabel(experiment)} <Badge tone="indigo">Running</Badge>
          </h2>
          <p className="mt-0.5 text-sm text-slate-500">
            {splitLabel(experiment.split)} · started {formatDateTime(experiment.started_at)}
            {experiment.started_by_name ? ` by ${experiment.started_by_name}` : ""}
          </p>
        </div>
        {canStop && <StopExperiment experiment={experiment} flowTitle={flow.title} />}
      </div>
      <p data-testid="experiment-conclusion" className="rounded-md bg-slate-50 px-3 py-2 text-sm font-medium text-slate-900 ring-1 ring-slate-200">
        {results.conclusion}
      </p>
      <ResultsTable results={results} label="Results per variant" />
      <SignificanceList results={results} />
    </section>
  );
}

function outcome(e: Experiment): string {
  if (e.promoted === "b") return `${PROMOTE_LABELS.b}${e.promoted_version != null ? ` → v${e.promoted_version}` : ""}`;
  if (e.promoted === "a") return PROMOTE_LABELS.a;
  return "Ended without change";
}

function History({ items }: { items: Experiment[] }) {
  const past = items.filter((e) => e.status === "stopped");
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-base font-semibold text-slate-900">
        Earlier tests
      </h2>
      {past.length === 0 ? (
        <p className="text-sm text-slate-500">No earlier tests of this flow.</p>
      ) : (
        <Table label="Earlier tests">
          <THead>
            <Th>Versions</Th>
            <Th>Split</Th>
            <Th>Ran</Th>
            <Th>Runs (A / B)</Th>
            <Th>Resolution rate (A / B)</Th>
            <Th>Outcome</Th>
          </THead>
          <TBody>
            {past.map((e) => (
              <Tr key={e.id}>
                <Td>
                  v{e.version_a} vs {bLabel(e)}
                </Td>
                <Td>{splitLabel(e.split)}</Td>
                <Td>
                  {formatDateTime(e.started_at)} – {formatDateTime(e.ended_at)}
                </Td>
                <Td>
                  {e.results.a.runs} / {e.results.b.runs}
                </Td>
                <Td>
                  {formatRate(e.results.a.resolution_rate)} / {formatRate(e.results.b.resolution_rate)}
                </Td>
                <Td title={e.results.conclusion}>{outcome(e)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

export function ExperimentPage() {
  const { id = "" } = useParams();
  const flow = useFlow(id);
  const current = useCurrentExperiment(id);
  const history = useExperiments(id);
  const isAdmin = useHasRole("team_admin");

  if (flow.isError) {
    return (
      <LoadFailed
        error={flow.error}
        onRetry={() => void flow.refetch()}
        thing="flow"
        back={{ to: "/flows", label: "Back to flows" }}
      />
    );
  }

  const f = flow.data;
  return (
    <div className="space-y-6">
      <div>
        <Link to={`/flows/${id}`} className="text-sm text-slate-500 hover:text-slate-900">
          ← {f?.title ?? "Flow"}
        </Link>
        <h1 className="mt-1 text-lg font-semibold text-slate-900">A/B test</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Run two versions of this flow side by side and let the results say which resolves more, and faster.
        </p>
      </div>

      {current.isPending || !f ? (
        <Skeleton label="Loading the A/B test" rows={6} />
      ) : current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} title="Couldn't load the A/B test" />
      ) : current.data ? (
        <RunningTest experiment={current.data} flow={f} canStop={isAdmin} />
      ) : isAdmin ? (
        <section aria-labelledby="start-heading" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <h2 id="start-heading" className="mb-3 text-base font-semibold text-slate-900">
            Start an A/B test
          </h2>
          <StartExperimentForm flow={f} />
        </section>
      ) : (
        <EmptyState title="No A/B test is running on this flow">A team admin can start one from this page.</EmptyState>
      )}

      {history.isPending ? (
        <Skeleton label="Loading earlier tests" rows={2} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} title="Couldn't load the earlier tests" />
      ) : (
        <History items={history.data.items} />
      )}
    </div>
  );
}
