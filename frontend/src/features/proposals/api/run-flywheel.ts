import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { proposalKeys } from "./keys";

/** How often a started run is asked about (the server's worker picks jobs up every few seconds). */
export const RUN_POLL_MS = 2_000;

// "failed" will be retried on its own; only these are the end.
const FINISHED = new Set(["succeeded", "dead"]);
export const isFinished = (state: string | undefined) => state !== undefined && FINISHED.has(state);

/** POST /proposals/run (team admin) → 202 `{job_id}`: the flywheel runs now, as a job. */
export function useRunFlywheel() {
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/proposals/run")),
  });
}

export const runJobQuery = (jobId: string) =>
  queryOptions({
    queryKey: proposalKeys.run(jobId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: jobId } }, signal })),
    refetchInterval: (q) => (isFinished(q.state.data?.state) || q.state.error ? false : RUN_POLL_MS),
    staleTime: 0,
  });

/** The run's job, asked about every 2 s until it has finished. */
export function useRunJob(jobId: string | null) {
  return useQuery({ ...runJobQuery(jobId ?? ""), enabled: jobId !== null });
}
