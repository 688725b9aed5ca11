import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ScheduleUpdate } from "./types";

/** PATCH /maintenance/schedules/{id} — any part; `{active: false}` pauses, `{active: true}` resumes. */
export function useUpdateSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ScheduleUpdate }) =>
      unwrap(api.PATCH("/api/v1/maintenance/schedules/{schedule_id}", { params: { path: { schedule_id: id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.maintenance.schedules }),
  });
}
