import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type CreateFolderInput = RequestBody<"/api/v1/folders", "post">;

export function useCreateFolder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFolderInput) => unwrap(api.POST("/api/v1/folders", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.folders.all }),
  });
}
