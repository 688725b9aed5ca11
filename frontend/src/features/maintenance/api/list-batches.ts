import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { BatchStatus } from "./types";

export const BATCHES_PAGE_SIZE = 50;

export const batchesQuery = (status: BatchStatus | null, scheduleId: string | null = null) =>
  infiniteQueryOptions({
    queryKey: queryKeys.maintenance.batchList({ status, scheduleId }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/v1/maintenance/batches", {
          params: {
            query: { status: status ?? undefined, schedule_id: scheduleId ?? undefined, limit: BATCHES_PAGE_SIZE, cursor: pageParam ?? undefined },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    // Running batches move on their own; not in a hidden tab.
    refetchInterval: 15_000,
    staleTime: 5_000,
  });

/** Batches (of one schedule, when given), running first, then the newest; each with its counts. */
export function useBatches(status: BatchStatus | null, scheduleId: string | null = null) {
  return useInfiniteQuery(batchesQuery(status, scheduleId));
}
