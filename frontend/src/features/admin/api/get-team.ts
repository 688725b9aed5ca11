import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type TeamDetail = ResponseBody<"/api/v1/teams/{team_id}", "get">;
export type TeamMember = TeamDetail["members"][number];

export const teamQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.teams.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams/{team_id}", { params: { path: { team_id: id } }, signal })),
  });

export function useTeam(id: string) {
  return useQuery(teamQuery(id));
}
