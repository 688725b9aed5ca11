/**
 * POST /sessions/{id}/escalate — may take up to ~5 s while the AI assessment is written (the
 * caller shows progress). The session moves to `escalated`; it and the queue are refreshed.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { EscalateInput } from "./types";

export function useEscalateSession(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EscalateInput) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/escalate", { params: { path: { session_id: sessionId } }, body })),
    onSuccess: (handoff) => {
      qc.setQueryData(queryKeys.handoffs.detail(handoff.id), handoff);
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId) });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.lists, refetchType: "none" });
      void qc.invalidateQueries({ queryKey: queryKeys.handoffs.lists });
    },
  });
}
