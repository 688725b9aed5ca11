import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { AnalyticsQuery } from "../model/filters";
import { ANALYTICS_STALE_MS, analyticsKeys } from "./keys";
import type { Overview } from "./types";

export const overviewQuery = (query: AnalyticsQuery) =>
  queryOptions({
    queryKey: analyticsKeys.overview(query),
    queryFn: ({ signal }) =>
      // The route also answers CSV (`format=csv`); without it the answer is JSON.
      unwrap(api.GET("/api/v1/analytics/overview", { params: { query }, signal })) as Promise<Overview>,
    staleTime: ANALYTICS_STALE_MS,
  });

/** GET /analytics/overview — headline figures, the previous period's, and one row per day. */
export function useOverview(query: AnalyticsQuery, enabled = true) {
  // The last view stays on screen while a new filter loads (no flash of skeletons).
  return useQuery({ ...overviewQuery(query), enabled, placeholderData: keepPreviousData });
}
