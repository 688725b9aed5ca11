import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { experimentKeys } from "./keys";

export const currentExperimentQuery = (flowId: string) =>
  queryOptions({
    queryKey: experimentKeys.current(flowId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/flows/{flow_id}/experiments/current", { params: { path: { flow_id: flowId } }, signal })),
    // Results move as sessions finish: fresh enough while the page is open.
    refetchInterval: 60_000,
  });

/** GET /flows/{id}/experiments/current — the running A/B test with its results, or null. */
export function useCurrentExperiment(flowId: string) {
  return useQuery(currentExperimentQuery(flowId));
}
