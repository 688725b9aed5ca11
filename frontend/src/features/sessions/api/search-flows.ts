import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { FlowOption } from "./types";

/** Flows a session can run: published ones only (a draft has nothing to pin). */
export const runnableFlowsQuery = (q: string) => {
  const query = { limit: 200, ...(q ? { q, sort: "relevance" as const } : { sort: "used" as const }) };
  return queryOptions({
    queryKey: queryKeys.flows.list(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows", { params: { query }, signal })),
    select: (page): FlowOption[] => page.items.filter((f) => f.latest_version !== null && !f.archived),
    staleTime: 30_000,
  });
};

export function useRunnableFlows(q: string) {
  return useQuery({ ...runnableFlowsQuery(q), placeholderData: keepPreviousData });
}

/** One flow's summary (for a `?flow=<id>` preselection). */
export function useFlowTitle(id: string | null) {
  return useQuery({
    queryKey: queryKeys.flows.detail(id ?? ""),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id ?? "" } }, signal })),
    enabled: Boolean(id),
    retry: false,
  });
}
