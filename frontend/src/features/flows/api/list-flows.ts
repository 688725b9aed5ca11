import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { FlowListParams } from "./types";

export const FLOWS_PAGE_SIZE = 100;

/** Empty strings and nulls are dropped so they don't become `?q=` filters. */
function clean(params: FlowListParams): FlowListParams {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) out[k] = v;
  return out as FlowListParams;
}

export const flowsQuery = (params: FlowListParams) => {
  const query = clean({ limit: FLOWS_PAGE_SIZE, ...params });
  return queryOptions({
    queryKey: queryKeys.flows.list(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows", { params: { query }, signal })),
  });
};

/** Keeps showing the previous results while a new search loads. */
export function useFlows(params: FlowListParams) {
  return useQuery({ ...flowsQuery(params), placeholderData: keepPreviousData });
}
