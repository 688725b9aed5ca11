/**
 * POST /sessions/{id}/pilot/steps/{step_id}/revisit — go back to an answered question of the
 * flow being followed (one FlowPilot skipped because the intake answered it): the answers after
 * it are undone the way "back" undoes them and the question is asked again.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";

export function useRevisitStep(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ["pilot", "revisit", sessionId],
    mutationFn: (stepId: string) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/pilot/steps/{step_id}/revisit", {
          params: { path: { session_id: sessionId, step_id: stepId } },
          body: {},
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pilotKeys.state(sessionId) });
      void refreshSession(qc, sessionId);
    },
  });
}
