import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ItemOf, ResponseBody } from "@/api/types";
import { type JobFilter, statesOf } from "../model/filters";
import { jobKeys } from "./keys";

export type Job = ItemOf<ResponseBody<"/api/v1/jobs", "get">>;
export type JobPage = ResponseBody<"/api/v1/jobs", "get">;

export const JOBS_PAGE_SIZE = 50;
/** How often the list asks again while the page is visible, so a retried job moves on its own. */
export const JOBS_REFRESH_MS = 10_000;

export const jobsQuery = (filter: JobFilter) =>
  infiniteQueryOptions({
    queryKey: jobKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/v1/jobs", {
          params: { query: { state: statesOf(filter), limit: JOBS_PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    // Not in a hidden tab (refetchIntervalInBackground stays false).
    refetchInterval: JOBS_REFRESH_MS,
    staleTime: 5_000,
  });

/** Background jobs in the tab's states, most recently changed first, a page at a time. */
export function useJobs(filter: JobFilter) {
  return useInfiniteQuery(jobsQuery(filter));
}
