import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { invalidateFlowLists } from "./invalidate";

/** Uploads a library zip; all or nothing. */
export function useImportLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (zip: Blob) =>
      unwrap(
        api.POST("/api/v1/flows/import-library", {
          body: zip as unknown as string,
          bodySerializer: (b) => b as unknown as Blob,
          headers: { "Content-Type": "application/zip" },
        }),
      ),
    onSuccess: () => invalidateFlowLists(qc),
  });
}
