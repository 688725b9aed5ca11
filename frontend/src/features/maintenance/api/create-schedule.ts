import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ScheduleInput } from "./types";

/** POST /maintenance/schedules — 422s name the field (cron, timezone, flow_id, target_list_id…). */
export function useCreateSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleInput) => unwrap(api.POST("/api/v1/maintenance/schedules", { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.maintenance.schedules }),
  });
}
