import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type CreateTeamInput = RequestBody<"/api/v1/teams", "post">;

export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamInput) => unwrap(api.POST("/api/v1/teams", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.teams.all }),
  });
}
