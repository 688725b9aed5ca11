/**
 * Who a batch can be assigned to: the teams (GET /teams) and their members (GET /teams/{id}),
 * which every role may read — the people list itself is for team admins only.
 */
import { useQueries, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { Team, TeamMember } from "./types";

export function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams.list,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams", { signal })),
    select: (page): Team[] => page.items,
    staleTime: 60_000,
  });
}

/** Engineers (and admins) in any team, once each, by name; `null` while loading. */
export function useAssignablePeople(teams: Team[] | undefined): TeamMember[] | null {
  const details = useQueries({
    queries: (teams ?? []).map((t) => ({
      queryKey: queryKeys.teams.detail(t.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(api.GET("/api/v1/teams/{team_id}", { params: { path: { team_id: t.id } }, signal })),
      staleTime: 60_000,
    })),
  });
  if (!teams || details.some((d) => d.isPending)) return null;
  const byId = new Map<string, TeamMember>();
  for (const d of details) {
    for (const m of d.data?.members ?? []) if (m.is_active && m.role !== "viewer") byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
