/** POST /sessions/{id}/pilot/facts — a fact the engineer states (confirmed at once). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";
import type { PilotState } from "./types";

export function useAddFact(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/pilot/facts", { params: { path: { session_id: sessionId } }, body: { text } })),
    onSuccess: (fact) => {
      qc.setQueryData<PilotState>(pilotKeys.state(sessionId), (old) => (old ? { ...old, facts: [...old.facts, fact] } : old));
      void refreshSession(qc, sessionId);
    },
  });
}
