import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { AnalyticsQuery } from "../model/filters";
import { ANALYTICS_STALE_MS, analyticsKeys } from "./keys";
import type { FlowTable } from "./types";

export const flowTableQuery = (query: AnalyticsQuery) =>
  queryOptions({
    queryKey: analyticsKeys.flows(query),
    queryFn: ({ signal }) =>
      // The route also answers CSV (`format=csv`); without it the answer is JSON.
      unwrap(api.GET("/api/v1/analytics/flows", { params: { query }, signal })) as Promise<FlowTable>,
    staleTime: ANALYTICS_STALE_MS,
  });

/** GET /analytics/flows — every live flow's figures and quality score (with the formula), worst first. */
export function useFlowTable(query: AnalyticsQuery, enabled = true) {
  return useQuery({ ...flowTableQuery(query), enabled, placeholderData: keepPreviousData });
}
