import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type PsaScope, psaKeys, teamQuery } from "./keys";

/** Maps a user to a PSA member by hand; `memberId: null` removes the mapping. */
export function useSetPsaMember(teamId: PsaScope) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, memberId }: { userId: string; memberId: string | null }) =>
      unwrap(
        api.PUT("/api/v1/integrations/psa/members/{user_id}", {
          params: { path: { user_id: userId }, query: teamQuery(teamId) },
          body: { member_id: memberId },
        }),
      ),
    onSuccess: (members) => qc.setQueryData(psaKeys.members(teamId), members),
  });
}
