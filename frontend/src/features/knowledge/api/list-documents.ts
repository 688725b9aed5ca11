import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type KnowledgeDocument = ItemOf<ResponseBody<"/api/v1/knowledge/documents", "get">>;

export const DOCUMENTS_PAGE_SIZE = 50;

export const documentsQuery = (q: string) => {
  const query = { limit: DOCUMENTS_PAGE_SIZE, ...(q ? { q } : {}) };
  return infiniteQueryOptions({
    queryKey: queryKeys.knowledge.list(query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(api.GET("/api/v1/knowledge/documents", { params: { query: { ...query, cursor: pageParam ?? undefined } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
};

/** The account's knowledge documents, newest first; "Load more" follows the cursor. */
export function useDocuments(q: string) {
  return useInfiniteQuery({ ...documentsQuery(q), placeholderData: keepPreviousData });
}
