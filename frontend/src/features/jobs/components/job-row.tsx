/** One background job: what, state, attempts, the last error in full, when, and Retry when it failed. */
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import type { Job } from "../api/list-jobs";
import { useRetryJob } from "../api/retry-job";
import { attemptsText, canRetry, describeWhen, STATE_BADGE } from "../model/job-view";

export function JobRow({ job, now, showAccount }: { job: Job; now: Date; showAccount: boolean }) {
  const retry = useRetryJob();
  const toast = useToast();
  const id = useId();
  const whatId = `${id}-what`;
  const errorId = `${id}-retry-error`;
  const badge = STATE_BADGE[job.state];
  const when = describeWhen(job, now);

  return (
    <Tr data-testid="job-row" data-job-id={job.id} data-state={job.state} data-attempts={job.attempts}>
      <Td className="max-w-xs align-top">
        <div id={whatId}>
          <span className="font-medium text-slate-900">{job.title}</span>
          {job.description && <p className="text-xs break-words text-slate-500">{job.description}</p>}
        </div>
      </Td>
      <Td className="align-top">
        <span data-testid="job-state">
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </span>
      </Td>
      <Td className="align-top whitespace-nowrap tabular-nums" data-testid="job-attempts">
        {attemptsText(job.attempts, job.max_attempts)}
      </Td>
      <Td className="max-w-md min-w-48 align-top text-xs" data-testid="job-error">
        {job.last_error ? (
          <span className={job.state === "dead" ? "break-words whitespace-pre-wrap text-red-700" : "break-words whitespace-pre-wrap text-amber-800"}>
            {job.last_error}
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </Td>
      <Td className="align-top whitespace-nowrap" data-testid="job-when">
        <time dateTime={when.at} title={formatDateTime(when.at)}>
          {when.text}
        </time>
      </Td>
      {showAccount && (
        <Td className="align-top font-mono text-xs" title={job.account_id}>
          {job.account_id.slice(0, 8)}
        </Td>
      )}
      <Td className="align-top text-right">
        {canRetry(job.state) && (
          <div className="flex flex-col items-end gap-1">
            <Button
              variant="secondary"
              size="sm"
              loading={retry.isPending}
              aria-describedby={retry.isError ? `${whatId} ${errorId}` : whatId}
              onClick={() =>
                retry.mutate(job.id, {
                  onSuccess: (queued) => toast.show(`${queued.title} queued to run again.`),
                })
              }
            >
              {retry.isPending ? "Retrying…" : "Retry"}
            </Button>
            {retry.isError && (
              <p id={errorId} role="alert" data-testid="job-retry-error" className="max-w-56 text-left text-xs break-words text-red-700">
                Couldn't retry: {errorMessage(retry.error)}
              </p>
            )}
          </div>
        )}
      </Td>
    </Tr>
  );
}
