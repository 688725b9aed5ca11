import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function useRestoreVersion(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (number: number) =>
      unwrap(api.POST("/api/v1/flows/{flow_id}/versions/{number}/restore", { params: { path: { flow_id: id, number } } })),
    onSuccess: (flow) => {
      qc.setQueryData(queryKeys.flows.detail(id), flow); // the preview page shows the restored draft at once
      return qc.invalidateQueries({ queryKey: queryKeys.flows.lists });
    },
  });
}
