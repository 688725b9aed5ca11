/** PATCH /sessions/{id}/pilot/facts/{fact_id} — confirm, edit or delete (softly) a fact. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";
import type { FactPatch, PilotState } from "./types";

export interface EditFactInput {
  factId: string;
  patch: FactPatch;
}

export function useEditFact(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ factId, patch }: EditFactInput) =>
      unwrap(
        api.PATCH("/api/v1/sessions/{session_id}/pilot/facts/{fact_id}", {
          params: { path: { session_id: sessionId, fact_id: factId } },
          body: patch,
        }),
      ),
    onSuccess: (fact) => {
      qc.setQueryData<PilotState>(pilotKeys.state(sessionId), (old) =>
        old ? { ...old, facts: old.facts.map((f) => (f.id === fact.id ? fact : f)) } : old,
      );
      void refreshSession(qc, sessionId);
    },
    // 409 (deleted elsewhere): show what the server has now.
    onError: () => void qc.invalidateQueries({ queryKey: pilotKeys.state(sessionId) }),
  });
}
