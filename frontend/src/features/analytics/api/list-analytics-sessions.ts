import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { QueryParams } from "@/api/types";
import { ANALYTICS_STALE_MS, analyticsKeys } from "./keys";
import type { SessionsPage } from "./types";

export type SessionsQuery = Omit<QueryParams<"/api/v1/analytics/sessions", "get">, "cursor" | "limit" | "format">;

const PAGE = 50;

export const analyticsSessionsQuery = (query: SessionsQuery) =>
  infiniteQueryOptions({
    queryKey: analyticsKeys.sessions(query as Record<string, string>),
    queryFn: ({ pageParam, signal }) =>
      // The route also answers CSV (`format=csv`); without it the answer is JSON.
      unwrap(
        api.GET("/api/v1/analytics/sessions", {
          params: { query: { ...query, limit: PAGE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ) as Promise<SessionsPage>,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: ANALYTICS_STALE_MS,
  });

/** GET /analytics/sessions — the sessions behind a figure or a coverage cell, newest first. */
export function useAnalyticsSessions(query: SessionsQuery) {
  return useInfiniteQuery(analyticsSessionsQuery(query));
}
