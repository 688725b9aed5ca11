/**
 * Who and which team an escalation can go to. Team admins read the account's people
 * (GET /users); engineers may not, so they get the members of their own teams
 * (GET /teams/{id}). Viewers and the person escalating are left out.
 */
import { useQueries, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { useCurrentUser } from "@/lib/current-user";
import { hasRole } from "@/lib/roles";

export interface TargetPerson {
  id: string;
  name: string;
  role: string;
}

export interface TargetTeam {
  id: string;
  name: string;
}

const CAN_PICK_UP = ["engineer", "team_admin", "super_admin"];

export function useEscalationTargets(enabled: boolean) {
  const me = useCurrentUser();
  const isAdmin = hasRole(me.data?.role, "team_admin");
  const users = useQuery({
    queryKey: queryKeys.users.list({ q: "", includeInactive: false }),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/users", { params: { query: { include_inactive: false, limit: 200 } }, signal })),
    enabled: enabled && isAdmin,
  });
  const teams = useQuery({
    queryKey: queryKeys.teams.list,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams", { signal })),
    enabled,
  });
  const myTeams = me.data?.teams ?? [];
  const details = useQueries({
    queries: myTeams.map((t) => ({
      queryKey: queryKeys.teams.detail(t.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(api.GET("/api/v1/teams/{team_id}", { params: { path: { team_id: t.id } }, signal })),
      enabled: enabled && !isAdmin,
    })),
  });

  const raw: TargetPerson[] = isAdmin
    ? (users.data?.items ?? []).map((u) => ({ id: u.id, name: u.name, role: u.role }))
    : details.flatMap((d) => d.data?.members ?? []).map((m) => ({ id: m.id, name: m.name, role: m.role }));
  const seen = new Set<string>();
  const people = raw
    .filter((p) => p.id !== me.data?.id && CAN_PICK_UP.includes(p.role))
    .filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const teamList: TargetTeam[] = (teams.data?.items ?? []).map((t) => ({ id: t.id, name: t.name }));
  const loading = teams.isPending || (isAdmin ? users.isPending : details.some((d) => d.isPending));
  return { people, teams: teamList, loading: enabled && loading };
}
