import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { AnalyticsQuery } from "../model/filters";
import { ANALYTICS_STALE_MS, analyticsKeys } from "./keys";
import type { Coverage, CoverageRows } from "./types";

export const coverageQuery = (query: AnalyticsQuery, rows: CoverageRows) =>
  queryOptions({
    queryKey: analyticsKeys.coverage(query, rows),
    queryFn: ({ signal }) =>
      // The route also answers CSV (`format=csv`); without it the answer is JSON.
      unwrap(api.GET("/api/v1/analytics/coverage", { params: { query: { ...query, rows, cols: "outcome" } }, signal })) as Promise<Coverage>,
    staleTime: ANALYTICS_STALE_MS,
  });

/** GET /analytics/coverage — sessions per category (or client) and outcome; each cell names its sessions. */
export function useCoverage(query: AnalyticsQuery, rows: CoverageRows, enabled = true) {
  return useQuery({ ...coverageQuery(query, rows), enabled, placeholderData: keepPreviousData });
}
