import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { SessionListParams } from "./types";

export const SESSIONS_PAGE_SIZE = 50;

/** Empty strings and nulls are dropped so they don't become `?q=` filters. */
function clean(params: SessionListParams): SessionListParams {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) out[k] = v;
  return out as SessionListParams;
}

export const sessionsQuery = (params: SessionListParams) => {
  const query = clean({ limit: SESSIONS_PAGE_SIZE, ...params });
  return infiniteQueryOptions({
    queryKey: queryKeys.sessions.list(query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(api.GET("/api/v1/sessions", { params: { query: { ...query, cursor: pageParam ?? undefined } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
};

/** Newest activity first; "Load more" follows the cursor. Keeps old rows while filters change. */
export function useSessions(params: SessionListParams) {
  return useInfiniteQuery({ ...sessionsQuery(params), placeholderData: keepPreviousData });
}
