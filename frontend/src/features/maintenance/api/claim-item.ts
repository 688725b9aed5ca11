import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { Batch, BatchItem } from "./types";

/** POST …/items/{item}/claim — a team pool's target becomes yours (409 when someone has it). */
export function useClaimItem(batchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) =>
      unwrap(api.POST("/api/v1/maintenance/batches/{batch_id}/items/{item_id}/claim", { params: { path: { batch_id: batchId, item_id: itemId } } })),
    onSuccess: (item: BatchItem) => {
      qc.setQueryData<Batch>(queryKeys.maintenance.batch(batchId), (b) => b && { ...b, items: b.items.map((i) => (i.id === item.id ? item : i)) });
    },
  });
}
