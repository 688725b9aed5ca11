import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { experimentKeys } from "./keys";
import type { Promote } from "./types";

/** POST /experiments/{id}/stop {promote} — promoting B publishes a new version: every flow view refreshes. */
export function useStopExperiment(flowId: string, experimentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (promote: Promote) =>
      unwrap(
        api.POST("/api/v1/experiments/{experiment_id}/stop", {
          params: { path: { experiment_id: experimentId } },
          body: { promote },
        }),
      ),
    onSuccess: () => {
      qc.setQueryData(experimentKeys.current(flowId), null);
      void qc.invalidateQueries({ queryKey: queryKeys.flows.all });
    },
  });
}
