import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function usePublishFlow(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changeNote: string) =>
      unwrap(api.POST("/api/v1/flows/{flow_id}/publish", { params: { path: { flow_id: id } }, body: { change_note: changeNote } })),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.flows.versions(id) }),
        qc.invalidateQueries({ queryKey: queryKeys.flows.lists }),
      ]),
  });
}
