import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody } from "@/api/types";
import { invalidateFlowLists } from "./invalidate";

type FlowDocument = RequestBody<"/api/v1/flows/import", "post">;

/** Sends the file's text as it is: the server reports broken JSON by line and column. */
export function useImportFlow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(
        api.POST("/api/v1/flows/import", {
          body: text as unknown as FlowDocument,
          bodySerializer: (b) => b as unknown as string,
          headers: { "Content-Type": "application/json" },
        }),
      ),
    onSuccess: () => invalidateFlowLists(qc),
  });
}
