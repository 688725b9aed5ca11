import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/** DELETE /maintenance/schedules/{id} — the schedule stops; its batches stay. */
export function useDeleteSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/maintenance/schedules/{schedule_id}", { params: { path: { schedule_id: id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.maintenance.schedules }),
  });
}
