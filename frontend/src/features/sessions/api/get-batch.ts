/**
 * GET /maintenance/batches/{id} for the runner's batch bar (same key as the maintenance pages, so
 * they share the cache), and POST …/items/{item}/claim for taking the next pool target.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function useSessionBatch(batchId: string | null) {
  return useQuery({
    queryKey: queryKeys.maintenance.batch(batchId ?? ""),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/maintenance/batches/{batch_id}", { params: { path: { batch_id: batchId! } }, signal })),
    enabled: Boolean(batchId),
    staleTime: 10_000,
  });
}

export function useClaimBatchItem(batchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) =>
      unwrap(api.POST("/api/v1/maintenance/batches/{batch_id}/items/{item_id}/claim", { params: { path: { batch_id: batchId, item_id: itemId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.maintenance.batch(batchId) }),
  });
}
