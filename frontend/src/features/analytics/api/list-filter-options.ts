/**
 * What the team and engineer filters offer (team admins only: an engineer's figures are always
 * their own). Teams from GET /teams; people from GET /users (the first 200, by name).
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { analyticsKeys } from "./keys";

export const teamsOptionsQuery = queryOptions({
  queryKey: analyticsKeys.teams,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams", { signal })),
  staleTime: 5 * 60_000,
  select: (page) => page.items.map((t) => ({ id: t.id, name: t.name })),
});

export const peopleOptionsQuery = queryOptions({
  queryKey: analyticsKeys.people,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200 } }, signal })),
  staleTime: 5 * 60_000,
  select: (page) =>
    page.items
      .filter((u) => u.role !== "viewer")
      .map((u) => ({ id: u.id, name: u.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
});

export function useTeamOptions(enabled: boolean) {
  return useQuery({ ...teamsOptionsQuery, enabled });
}

export function usePeopleOptions(enabled: boolean) {
  return useQuery({ ...peopleOptionsQuery, enabled });
}
