import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ItemOf, QueryParams, ResponseBody } from "@/api/types";
import { type PsaScope, psaKeys, teamQuery } from "./keys";

export type PsaPush = ItemOf<ResponseBody<"/api/v1/integrations/psa/activity", "get">>;
export type PushState = NonNullable<QueryParams<"/api/v1/integrations/psa/activity", "get">["state"]>;
/** "" = every state. */
export type PushStateFilter = PushState | "";

export const ACTIVITY_PAGE_SIZE = 25;

export const psaActivityQuery = (teamId: PsaScope, state: PushStateFilter) =>
  infiniteQueryOptions({
    queryKey: psaKeys.activity(teamId, state),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET("/api/v1/integrations/psa/activity", {
          params: {
            query: {
              ...teamQuery(teamId),
              state: state || undefined,
              limit: ACTIVITY_PAGE_SIZE,
              cursor: pageParam ?? undefined,
            },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: 15_000,
  });

/** Every push to the PSA, newest first, a page at a time. */
export function usePsaActivity(teamId: PsaScope, state: PushStateFilter) {
  return useInfiniteQuery(psaActivityQuery(teamId, state));
}
