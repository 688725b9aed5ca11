/** PATCH /sessions/{id}/pilot/triage — the engineer's edit; the field is marked edited and wins from now on. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";
import type { TriagePatch } from "./types";

export function useEditTriage(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: TriagePatch) =>
      unwrap(api.PATCH("/api/v1/sessions/{session_id}/pilot/triage", { params: { path: { session_id: sessionId } }, body: patch })),
    onSuccess: (state) => {
      qc.setQueryData(pilotKeys.state(sessionId), state);
      void refreshSession(qc, sessionId);
    },
  });
}
