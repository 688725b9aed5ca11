import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { invalidateFlowLists } from "./invalidate";

export function useMoveFlow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, folderId }: { id: string; folderId: string | null }) =>
      unwrap(api.PATCH("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id } }, body: { folder_id: folderId } })),
    onSuccess: () => invalidateFlowLists(qc),
  });
}
