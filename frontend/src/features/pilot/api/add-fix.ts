/** POST /sessions/{id}/pilot/fixes — propose a fix by hand (409 while another one is being tried). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";
import type { FixInput, PilotState } from "./types";

export function useAddFix(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FixInput) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/pilot/fixes", { params: { path: { session_id: sessionId } }, body })),
    onSuccess: (fix) => {
      qc.setQueryData<PilotState>(pilotKeys.state(sessionId), (old) => (old ? { ...old, fixes: [...old.fixes, fix] } : old));
      void refreshSession(qc, sessionId);
    },
  });
}
