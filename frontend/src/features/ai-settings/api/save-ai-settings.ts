import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type AISettingsInput = RequestBody<"/api/v1/ai/settings", "put">;

/** PUT only the fields that changed; `api_key` omitted keeps the stored key, "" removes it. */
export function useSaveAISettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AISettingsInput) => unwrap(api.PUT("/api/v1/ai/settings", { body })),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.ai.settings, saved);
      // The usage page shows the budget too.
      return qc.invalidateQueries({ queryKey: queryKeys.ai.usageAll });
    },
  });
}
