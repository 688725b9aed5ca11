import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function useDeleteFolder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/folders/{folder_id}", { params: { path: { folder_id: id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.folders.all }),
  });
}
