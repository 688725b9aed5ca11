import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { LaunchBatchInput } from "./types";

/** POST /maintenance/batches — one session per target; 422s name the field and create nothing. */
export function useLaunchBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LaunchBatchInput) => unwrap(api.POST("/api/v1/maintenance/batches", { body })),
    onSuccess: (batch) => {
      qc.setQueryData(queryKeys.maintenance.batch(batch.id), batch);
      void qc.invalidateQueries({ queryKey: queryKeys.maintenance.batches, refetchType: "none" });
    },
  });
}
