import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type UpdateFolderInput = RequestBody<"/api/v1/folders/{folder_id}", "patch">;

export function useUpdateFolder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateFolderInput }) =>
      unwrap(api.PATCH("/api/v1/folders/{folder_id}", { params: { path: { folder_id: id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.folders.all }),
  });
}
