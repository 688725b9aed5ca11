import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/** POST /maintenance/schedules/{id}/run — a batch now, outside the schedule's slots. */
export function useRunSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/api/v1/maintenance/schedules/{schedule_id}/run", { params: { path: { schedule_id: id } } })),
    onSuccess: (batch) => {
      qc.setQueryData(queryKeys.maintenance.batch(batch.id), batch);
      void qc.invalidateQueries({ queryKey: queryKeys.maintenance.schedules });
      void qc.invalidateQueries({ queryKey: queryKeys.maintenance.batches, exact: false, refetchType: "none" });
    },
  });
}
