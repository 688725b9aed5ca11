/** POST /target-lists (new) or PUT /target-lists/{id} (the whole list as it should be). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { TargetListInput } from "./types";

export function useSaveTargetList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TargetListInput }) =>
      id
        ? unwrap(api.PUT("/api/v1/target-lists/{target_list_id}", { params: { path: { target_list_id: id } }, body }))
        : unwrap(api.POST("/api/v1/target-lists", { body })),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.maintenance.targetList(saved.id), saved);
      void qc.invalidateQueries({ queryKey: [...queryKeys.maintenance.targetLists, "list"] });
    },
  });
}
