import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type UpdateTeamInput = RequestBody<"/api/v1/teams/{team_id}", "patch">;

export function useUpdateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTeamInput }) =>
      unwrap(api.PATCH("/api/v1/teams/{team_id}", { params: { path: { team_id: id } }, body })),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.teams.all }),
        qc.invalidateQueries({ queryKey: queryKeys.me }),
        qc.invalidateQueries({ queryKey: queryKeys.users.all }),
      ]),
  });
}
