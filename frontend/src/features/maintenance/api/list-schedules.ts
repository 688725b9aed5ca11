import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const maintenanceSchedulesQuery = () =>
  queryOptions({
    queryKey: [...queryKeys.maintenance.schedules, "list"] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/maintenance/schedules", { signal })),
    select: (page) => page.items,
    staleTime: 15_000,
  });

/** The account's maintenance schedules, each with its next runs and last batch. */
export function useMaintenanceSchedules() {
  return useQuery(maintenanceSchedulesQuery());
}
