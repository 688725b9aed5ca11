/**
 * "Run the flywheel now" (team admins): POST /proposals/run answers 202 with a job; the button
 * stays pending while the job is queued or running (asked every 2 s), then the queue and its
 * counts are refetched. A job that died says why, next to the button.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { proposalKeys } from "../api/keys";
import { isFinished, useRunFlywheel, useRunJob } from "../api/run-flywheel";

export function RunFlywheelButton() {
  const run = useRunFlywheel();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useRunJob(jobId);
  const qc = useQueryClient();
  const toast = useToast();
  const statusId = useId();
  const state = job.data?.state;
  const finished = isFinished(state);
  const pending = run.isPending || (jobId !== null && !finished && !job.isError);

  useEffect(() => {
    if (jobId === null || !(finished || job.isError)) return;
    void qc.invalidateQueries({ queryKey: proposalKeys.lists });
    void qc.invalidateQueries({ queryKey: proposalKeys.counts });
    void qc.invalidateQueries({ queryKey: proposalKeys.gaps });
    if (state === "succeeded") toast.show("The flywheel has run; the queue is up to date.");
  }, [finished, job.isError, jobId, qc, state, toast]);

  function start() {
    run.mutate(undefined, { onSuccess: (r) => setJobId(r.job_id) });
  }

  const message = run.isError
    ? errorMessage(run.error)
    : jobId === null
      ? null
      : job.isError
        ? "Started; new proposals appear here when it has finished."
        : state === "dead"
          ? `The run failed: ${job.data?.last_error || "no reason given"}`
          : state === "failed"
            ? `The run failed and will be retried: ${job.data?.last_error || "no reason given"}`
            : state === "succeeded"
              ? "Done."
              : state === "running"
                ? "Running the flywheel…"
                : "Queued; it starts within a few seconds…";
  const isProblem = run.isError || state === "dead" || state === "failed";

  return (
    <div className="flex items-center gap-2">
      {message && (
        <p
          id={statusId}
          role={isProblem ? "alert" : "status"}
          data-testid="run-status"
          className={isProblem ? "max-w-xs text-xs text-red-700" : "max-w-xs text-xs text-slate-600"}
        >
          {message}
        </p>
      )}
      <Button variant="secondary" loading={pending} onClick={start} aria-describedby={message ? statusId : undefined}>
        {pending ? "Running…" : "Run the flywheel now"}
      </Button>
    </div>
  );
}
