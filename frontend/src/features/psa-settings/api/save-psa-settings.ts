import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody } from "@/api/types";
import { type PsaScope, psaKeys, teamQuery } from "./keys";

export type PsaSettingsInput = RequestBody<"/api/v1/integrations/psa", "put">;

/** PUT the whole form; a secret field left out keeps the saved one. */
export function useSavePsaSettings(teamId: PsaScope) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PsaSettingsInput) => unwrap(api.PUT("/api/v1/integrations/psa", { params: { query: teamQuery(teamId) }, body })),
    onSuccess: (saved) => {
      qc.setQueryData(psaKeys.settings(teamId), saved);
      // Teams that inherit, the member mapping and the activity all hang off the connection.
      return qc.invalidateQueries({ queryKey: psaKeys.all, predicate: (q) => q.queryKey[1] !== "providers" });
    },
  });
}
