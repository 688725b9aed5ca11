/** POST /flows/generate — a description → a draft flow the model designs, validates and repairs. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody, ResponseBody } from "@/api/types";
import { invalidateFlowLists } from "./invalidate";

export type GenerateFlowInput = RequestBody<"/api/v1/flows/generate", "post">;
export type GeneratedFlow = ResponseBody<"/api/v1/flows/generate", "post">;

export function useGenerateFlow() {
  const qc = useQueryClient();
  return useMutation({
    // The signal lets the person stop waiting; tens of seconds with a model are normal.
    mutationFn: ({ body, signal }: { body: GenerateFlowInput; signal?: AbortSignal }) => unwrap(api.POST("/api/v1/flows/generate", { body, signal })),
    onSettled: () => invalidateFlowLists(qc),
  });
}
