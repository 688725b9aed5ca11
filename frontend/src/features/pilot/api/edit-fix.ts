/** PATCH /sessions/{id}/pilot/fixes/{fix_id} — proposed → verifying → applied (with an outcome) or dismissed. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";
import type { FixPatch, PilotState } from "./types";

export interface EditFixInput {
  fixId: string;
  patch: FixPatch;
}

export function useEditFix(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fixId, patch }: EditFixInput) =>
      unwrap(
        api.PATCH("/api/v1/sessions/{session_id}/pilot/fixes/{fix_id}", {
          params: { path: { session_id: sessionId, fix_id: fixId } },
          body: patch,
        }),
      ),
    onSuccess: (fix) => {
      qc.setQueryData<PilotState>(pilotKeys.state(sessionId), (old) =>
        old ? { ...old, fixes: old.fixes.map((f) => (f.id === fix.id ? fix : f)) } : old,
      );
      // A fix being verified (or just applied) changes what FlowPilot asks next.
      void refreshSession(qc, sessionId);
    },
    onError: () => void qc.invalidateQueries({ queryKey: pilotKeys.state(sessionId) }),
  });
}
