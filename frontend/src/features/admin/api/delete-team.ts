import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function useDeleteTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/teams/{team_id}", { params: { path: { team_id: id } } })),
    onSuccess: (_data, id) => {
      qc.removeQueries({ queryKey: queryKeys.teams.detail(id) });
      return Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.teams.list }),
        qc.invalidateQueries({ queryKey: queryKeys.me }),
        qc.invalidateQueries({ queryKey: queryKeys.users.all }),
      ]);
    },
  });
}
