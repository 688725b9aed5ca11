import { type InfiniteData, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { jobKeys } from "./keys";
import type { Job, JobPage } from "./list-jobs";

/**
 * Runs a failed or dead job again (409 when it is neither, 404 when it isn't yours). The answer
 * (queued, no attempts yet) goes straight into the loaded lists, then every list is refetched, so
 * the job leaves "Needs attention" and shows up where it now is.
 */
export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => unwrap(api.POST("/api/v1/jobs/{job_id}/retry", { params: { path: { job_id: jobId } } })),
    onSuccess: (job: Job) => {
      qc.setQueriesData<InfiniteData<JobPage>>({ queryKey: jobKeys.lists }, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.map((j) => (j.id === job.id ? job : j)) })),
        },
      );
      // Not awaited: the button is done once the server said yes; the lists catch up behind it.
      void qc.invalidateQueries({ queryKey: jobKeys.lists });
    },
  });
}
