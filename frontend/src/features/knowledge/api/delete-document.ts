import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/** Delete a document and its chunks (team admin+). */
export function useDeleteDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/knowledge/documents/{document_id}", { params: { path: { document_id: id } } })),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: queryKeys.knowledge.detail(id) });
      return qc.invalidateQueries({ queryKey: queryKeys.knowledge.lists });
    },
  });
}
