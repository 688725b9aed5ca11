import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { AnalyticsQuery } from "../model/filters";
import { ANALYTICS_STALE_MS, analyticsKeys } from "./keys";
import { type Coverage, COVERAGE_MAPS, type CoverageMap } from "./types";

export const coverageQuery = (query: AnalyticsQuery, map: CoverageMap) =>
  queryOptions({
    queryKey: analyticsKeys.coverage(query, map),
    queryFn: ({ signal }) =>
      // The route also answers CSV (`format=csv`); without it the answer is JSON.
      unwrap(api.GET("/api/v1/analytics/coverage", { params: { query: { ...query, rows: COVERAGE_MAPS[map].rows, cols: COVERAGE_MAPS[map].cols } }, signal })) as Promise<Coverage>,
    staleTime: ANALYTICS_STALE_MS,
  });

/** GET /analytics/coverage — sessions per category or client and outcome (or category); each cell names its sessions. */
export function useCoverage(query: AnalyticsQuery, map: CoverageMap, enabled = true) {
  return useQuery({ ...coverageQuery(query, map), enabled, placeholderData: keepPreviousData });
}
