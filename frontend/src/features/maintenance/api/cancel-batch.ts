import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/**
 * POST /maintenance/batches/{id}/cancel {reason} — the launcher or a team admin stops a running
 * batch: open targets are skipped with the reason, no PSA note goes out (403 for others, 409 once
 * it has finished).
 */
export function useCancelBatch(batchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST("/api/v1/maintenance/batches/{batch_id}/cancel", { params: { path: { batch_id: batchId } }, body: { reason } })),
    onSuccess: (batch) => {
      qc.setQueryData(queryKeys.maintenance.batch(batchId), batch);
      void qc.invalidateQueries({ queryKey: queryKeys.maintenance.batches, refetchType: "none" });
    },
  });
}
