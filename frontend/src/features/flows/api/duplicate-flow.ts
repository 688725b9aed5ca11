import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { invalidateFlowLists } from "./invalidate";

export function useDuplicateFlow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/api/v1/flows/{flow_id}/duplicate", { params: { path: { flow_id: id } } })),
    onSuccess: () => invalidateFlowLists(qc),
  });
}
