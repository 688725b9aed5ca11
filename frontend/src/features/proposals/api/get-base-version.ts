import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const baseVersionQuery = (flowId: string, n: number) =>
  queryOptions({
    queryKey: queryKeys.flows.version(flowId, n),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/flows/{flow_id}/versions/{number}", { params: { path: { flow_id: flowId, number: n } }, signal })),
    staleTime: Number.POSITIVE_INFINITY, // published versions never change
  });

/** The published version a change proposal is about ("before" in its diff); off when there is none. */
export function useBaseVersion(flowId: string | null | undefined, n: number | null | undefined) {
  return useQuery({ ...baseVersionQuery(flowId ?? "", n ?? 0), enabled: Boolean(flowId) && n != null });
}
