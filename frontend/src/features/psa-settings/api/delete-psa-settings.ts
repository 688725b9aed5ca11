import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type PsaScope, psaKeys, teamQuery } from "./keys";

/** Removes the connection of this scope (a team then inherits the account default again). */
export function useDeletePsaSettings(teamId: PsaScope) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/integrations/psa", { params: { query: teamQuery(teamId) } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: psaKeys.all, predicate: (q) => q.queryKey[1] !== "providers" }),
  });
}
