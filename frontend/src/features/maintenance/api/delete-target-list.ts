import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/** DELETE /target-lists/{id} — 409 while a schedule uses it. */
export function useDeleteTargetList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/target-lists/{target_list_id}", { params: { path: { target_list_id: id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.maintenance.targetLists }),
  });
}
