import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type CreateFlowInput = RequestBody<"/api/v1/flows", "post">;

export function useCreateFlow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFlowInput) => unwrap(api.POST("/api/v1/flows", { body })),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.flows.lists }),
        qc.invalidateQueries({ queryKey: queryKeys.flows.facets }),
        qc.invalidateQueries({ queryKey: queryKeys.folders.all }),
      ]),
  });
}
