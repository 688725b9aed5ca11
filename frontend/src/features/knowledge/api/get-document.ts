import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type KnowledgeDocumentDetail = ResponseBody<"/api/v1/knowledge/documents/{document_id}", "get">;
export type Chunk = KnowledgeDocumentDetail["chunks"][number];

export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.knowledge.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/knowledge/documents/{document_id}", { params: { path: { document_id: id } }, signal })),
  });

/** One document with its chunks (what the copilot retrieves and cites). */
export function useDocument(id: string) {
  return useQuery(documentQuery(id));
}
