import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { experimentKeys } from "./keys";

export const experimentsQuery = (flowId: string) =>
  queryOptions({
    queryKey: experimentKeys.history(flowId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/flows/{flow_id}/experiments", { params: { path: { flow_id: flowId } }, signal })),
  });

/** GET /flows/{id}/experiments — every A/B test of the flow, newest first. */
export function useExperiments(flowId: string) {
  return useQuery(experimentsQuery(flowId));
}
