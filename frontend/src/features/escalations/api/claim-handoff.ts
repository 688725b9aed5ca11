/**
 * POST /handoffs/{id}/claim — atomic: a 409 names who has it (`claimed_by_name`, `claimed_at`
 * in the problem body). The claimer becomes the session's owner, so the session is refreshed.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export function useClaimHandoff(handoffId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/handoffs/{handoff_id}/claim", { params: { path: { handoff_id: handoffId } } })),
    onSuccess: (handoff) => {
      qc.setQueryData(queryKeys.handoffs.detail(handoff.id), handoff);
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(handoff.session_id) });
      void qc.invalidateQueries({ queryKey: queryKeys.handoffs.lists });
      void qc.invalidateQueries({ queryKey: queryKeys.notifications.all });
    },
    onError: () => {
      // Someone else has it: show the current state.
      void qc.invalidateQueries({ queryKey: queryKeys.handoffs.detail(handoffId) });
    },
  });
}
