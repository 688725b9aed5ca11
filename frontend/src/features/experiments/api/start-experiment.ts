import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { experimentKeys } from "./keys";
import type { ExperimentCreate } from "./types";

/** POST /flows/{id}/experiments — may publish the draft as a candidate version, so the flow is refreshed too. */
export function useStartExperiment(flowId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExperimentCreate) =>
      unwrap(api.POST("/api/v1/flows/{flow_id}/experiments", { params: { path: { flow_id: flowId } }, body })),
    onSuccess: (experiment) => {
      qc.setQueryData(experimentKeys.current(flowId), experiment);
      void qc.invalidateQueries({ queryKey: queryKeys.flows.detail(flowId) });
    },
  });
}
