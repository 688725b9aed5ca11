/** POST /knowledge/documents: the file's bytes as the body; extracted and indexed before the answer. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";
import { ApiError, parseProblem } from "@/lib/problem";

export type UploadedDocument = ResponseBody<"/api/v1/knowledge/documents", "post">;

export async function uploadDocument(file: File, title?: string): Promise<UploadedDocument> {
  const { data, error, response } = await api.POST("/api/v1/knowledge/documents", {
    params: { query: { filename: file.name, ...(title ? { title } : {}) } },
    // The raw bytes travel as they are; the server decides the format from the content.
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { "Content-Type": file.type || "application/octet-stream" },
  });
  if (!response.ok || !data) throw new ApiError(parseProblem(response, error));
  return data;
}

export function useUploadDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadDocument(file),
    onSuccess: (doc) => {
      qc.setQueryData(queryKeys.knowledge.detail(doc.id), doc);
      return qc.invalidateQueries({ queryKey: queryKeys.knowledge.lists });
    },
  });
}
