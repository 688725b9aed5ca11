/** POST /handoffs/{id}/outcome — after the session is resolved: was the likely cause right? */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function useRecordOutcome(handoffId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (causeCorrect: boolean) =>
      unwrap(
        api.POST("/api/v1/handoffs/{handoff_id}/outcome", {
          params: { path: { handoff_id: handoffId } },
          body: { cause_correct: causeCorrect },
        }),
      ),
    onSuccess: (handoff) => qc.setQueryData(queryKeys.handoffs.detail(handoff.id), handoff),
  });
}
