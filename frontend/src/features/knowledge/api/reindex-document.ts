import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/** Extract and chunk the stored file again (team admin+); a failure marks the document failed. */
export function useReindexDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/knowledge/documents/{document_id}/reindex", { params: { path: { document_id: id } } })),
    onSuccess: (_doc, id) => qc.invalidateQueries({ queryKey: queryKeys.knowledge.detail(id) }),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.knowledge.lists }),
  });
}
