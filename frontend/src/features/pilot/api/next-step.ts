/**
 * POST /sessions/{id}/pilot/next — ask FlowPilot for a step when none is open (after a fix was
 * marked applied by hand, or when proposing the last step failed).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";

export function useNextStep(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ["pilot", "next", sessionId],
    mutationFn: () => unwrap(api.POST("/api/v1/sessions/{session_id}/pilot/next", { params: { path: { session_id: sessionId } } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pilotKeys.state(sessionId) });
      void refreshSession(qc, sessionId);
    },
  });
}
