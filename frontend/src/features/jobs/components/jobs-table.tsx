/** The jobs of one tab: loading, error, empty, the table and "Load more". */
import { Button } from "@/components/ui/button";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { errorMessage } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useJobs } from "../api/list-jobs";
import { useNow } from "../hooks/use-now";
import type { JobFilter } from "../model/filters";
import { JobRow } from "./job-row";

const EMPTY: Record<JobFilter, { title: string; body: string }> = {
  attention: {
    title: "Nothing needs attention",
    body: "Background work — emails, Slack/Teams notices, PSA notes, assessments — is running normally.",
  },
  queued: { title: "Nothing queued", body: "Work waiting for its turn shows here; most jobs start within seconds." },
  running: { title: "Nothing running right now", body: "Jobs being worked on show here while they run." },
  done: { title: "No finished jobs yet", body: "Jobs that finished show here, most recent first." },
};

export function JobsTable({ filter }: { filter: JobFilter }) {
  const jobs = useJobs(filter);
  const showAccount = useHasRole("super_admin");
  const now = useNow();
  const rows = jobs.data?.pages.flatMap((p) => p.items) ?? [];

  if (jobs.isPending) return <LoadingBlock label="Loading jobs" />;
  if (jobs.isError && rows.length === 0) {
    return <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} title="Couldn't load the jobs" />;
  }
  if (rows.length === 0) {
    return <EmptyState title={EMPTY[filter].title}>{EMPTY[filter].body}</EmptyState>;
  }
  return (
    <div className="space-y-3">
      <Table label="Jobs">
        <THead>
          <Th>What</Th>
          <Th>State</Th>
          <Th>Attempts</Th>
          <Th>Last error</Th>
          <Th>When</Th>
          {showAccount && <Th>Account</Th>}
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {rows.map((job) => (
            <JobRow key={job.id} job={job} now={now} showAccount={showAccount} />
          ))}
        </TBody>
      </Table>
      <div className="flex items-center justify-center gap-3">
        {jobs.isError && (
          <p role="alert" className="text-sm text-red-700">
            Couldn't refresh the jobs: {errorMessage(jobs.error)}
          </p>
        )}
        {jobs.hasNextPage ? (
          <Button variant="secondary" onClick={() => void jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
            Load more
          </Button>
        ) : (
          <p className="text-xs text-slate-500">That's everything.</p>
        )}
      </div>
    </div>
  );
}
