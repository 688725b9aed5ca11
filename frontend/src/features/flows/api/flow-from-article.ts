/** POST /flows/from-article: the article's bytes as the body → a draft flow (procedure or tree). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/api/client";
import type { QueryParams, ResponseBody } from "@/api/types";
import { ApiError, parseProblem } from "@/lib/problem";
import { invalidateFlowLists } from "./invalidate";

export type ArticleMode = NonNullable<QueryParams<"/api/v1/flows/from-article", "post">["mode"]>;
export type FlowFromArticle = ResponseBody<"/api/v1/flows/from-article", "post">;

export async function flowFromArticle(file: File, mode: ArticleMode, signal?: AbortSignal): Promise<FlowFromArticle> {
  const { data, error, response } = await api.POST("/api/v1/flows/from-article", {
    params: { query: { filename: file.name, mode } },
    // The raw bytes travel as they are; the server decides the format from the name and content.
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { "Content-Type": file.type || "application/octet-stream" },
    signal,
  });
  if (!response.ok || !data) throw new ApiError(parseProblem(response, error));
  return data;
}

export function useFlowFromArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode, signal }: { file: File; mode: ArticleMode; signal?: AbortSignal }) => flowFromArticle(file, mode, signal),
    onSettled: () => invalidateFlowLists(qc),
  });
}
