import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";
import { type PsaScope, psaKeys, teamQuery } from "./keys";
import type { PsaSettingsInput } from "./save-psa-settings";

export type PsaTestResult = ResponseBody<"/api/v1/integrations/psa/test", "post">;

/**
 * Signs in to the PSA; may take several seconds. With a body it tests the form as typed (blank
 * secrets use the saved ones) without saving; without one it tests what is saved and records it.
 */
export function useTestPsaConnection(teamId: PsaScope) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PsaSettingsInput | null) =>
      unwrap(
        api.POST("/api/v1/integrations/psa/test", {
          params: { query: teamQuery(teamId) },
          ...(body ? { body } : {}),
        }),
      ),
    onSuccess: (_result, body) => {
      // Testing the saved settings updates their "last tested" line.
      if (!body) return qc.invalidateQueries({ queryKey: psaKeys.settings(teamId) });
    },
  });
}
