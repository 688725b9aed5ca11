import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { AnalyticsQuery } from "../model/filters";
import { ANALYTICS_STALE_MS, analyticsKeys } from "./keys";
import type { FlowAnalytics } from "./types";

export const flowAnalyticsQuery = (flowId: string, query: AnalyticsQuery) =>
  queryOptions({
    queryKey: analyticsKeys.flow(flowId, query),
    queryFn: ({ signal }) =>
      // The route also answers CSV (`format=csv`); without it the answer is JSON.
      unwrap(
        api.GET("/api/v1/analytics/flows/{flow_id}", {
          params: { path: { flow_id: flowId }, query },
          signal,
        }),
      ) as Promise<FlowAnalytics>,
    staleTime: ANALYTICS_STALE_MS,
  });

/** GET /analytics/flows/{id} — one flow's figures and its path view (per node and per edge). */
export function useFlowAnalytics(flowId: string, query: AnalyticsQuery, enabled = true) {
  return useQuery({ ...flowAnalyticsQuery(flowId, query), enabled, placeholderData: keepPreviousData });
}
