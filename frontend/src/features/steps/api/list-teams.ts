import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type Team = ItemOf<ResponseBody<"/api/v1/teams", "get">>;

export const teamsQuery = queryOptions({
  queryKey: queryKeys.teams.list,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams", { signal })),
  staleTime: 60_000,
});

/** The account's teams: the owner-team filter and the form's owner team. */
export function useTeams() {
  return useQuery(teamsQuery);
}
