import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function useRevokeInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/invites/{invite_id}", { params: { path: { invite_id: id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.invites.all }),
  });
}
