import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type ScopeTeam = ItemOf<ResponseBody<"/api/v1/teams", "get">>;

// The same operation and key as the admin feature's team list, so the two share one cache entry.
export const scopeTeamsQuery = queryOptions({
  queryKey: queryKeys.teams.list,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams", { signal })),
  staleTime: 60_000,
});

/** The account's teams, for the scope selector. */
export function useScopeTeams() {
  return useQuery(scopeTeamsQuery);
}
