/** GET /assist/conversations?q=&limit=&cursor= — your conversations, newest first, a page at a time. */
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { assistKeys } from "./keys";

export const PAGE_SIZE = 50;

export const conversationsQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: assistKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/v1/assist/conversations", {
          params: { query: { q: q || undefined, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });

export function useConversations(q: string) {
  return useInfiniteQuery(conversationsQuery(q));
}
