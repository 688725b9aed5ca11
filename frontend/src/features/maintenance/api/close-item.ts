/**
 * POST /maintenance/batches/{id}/items/{item}/skip and …/fail — the target ends with a reason.
 * One file for the pair: they take the same body and answer the same item.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { Batch, BatchItem } from "./types";

export type Verdict = "skip" | "fail";

export function closeItem(batchId: string, itemId: string, verdict: Verdict, reason: string) {
  const params = { path: { batch_id: batchId, item_id: itemId } };
  return unwrap(
    verdict === "skip"
      ? api.POST("/api/v1/maintenance/batches/{batch_id}/items/{item_id}/skip", { params, body: { reason } })
      : api.POST("/api/v1/maintenance/batches/{batch_id}/items/{item_id}/fail", { params, body: { reason } }),
  );
}

export function useCloseItem(batchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, verdict, reason }: { itemId: string; verdict: Verdict; reason: string }) => closeItem(batchId, itemId, verdict, reason),
    onSuccess: (item: BatchItem) => {
      // The answer goes into the batch at once; the stream brings the counts.
      qc.setQueryData<Batch>(queryKeys.maintenance.batch(batchId), (b) => b && { ...b, items: b.items.map((i) => (i.id === item.id ? item : i)) });
      void qc.invalidateQueries({ queryKey: queryKeys.maintenance.batch(batchId) });
    },
  });
}
