/**
 * For the Home page's "Maintenance" card (engineers): running batches with a target assigned to
 * the caller, and the schedules' slots still to come today.
 */
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

const LIMIT = 20;

export function useMyRunningBatches(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.maintenance.batchList({ status: "running", assigned_to_me: true, limit: LIMIT }),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/maintenance/batches", { params: { query: { status: "running", assigned_to_me: true, limit: LIMIT } }, signal })),
    enabled,
    refetchOnWindowFocus: true,
  });
}

export function useTodaysSlots(enabled: boolean) {
  return useQuery({
    // Two days ahead covers the rest of "today" in any zone; the card keeps today's.
    queryKey: queryKeys.maintenance.agenda(2),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/maintenance/schedules/agenda", { params: { query: { days: 2 } }, signal })),
    enabled,
    staleTime: 60_000,
  });
}
