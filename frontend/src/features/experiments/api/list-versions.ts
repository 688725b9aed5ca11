import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/** The flow's versions, for picking variant B (candidates of earlier tests included, marked). */
export const versionsQuery = (flowId: string) =>
  queryOptions({
    queryKey: queryKeys.flows.versions(flowId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/flows/{flow_id}/versions", { params: { path: { flow_id: flowId } }, signal })),
  });

export function useVersions(flowId: string, enabled = true) {
  return useQuery({ ...versionsQuery(flowId), enabled });
}
