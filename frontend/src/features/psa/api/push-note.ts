/**
 * POST /sessions/{id}/psa/push — queues the redacted note for the session's ticket (202); the
 * outbox sends it within a moment and its state lands on the timeline. 409 without a ticket.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { type Push, type PushInput, psaKeys } from "./types";

export function usePushNote(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PushInput): Promise<Push> =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/psa/push", { params: { path: { session_id: sessionId } }, body })) as Promise<Push>,
    onSuccess: () => {
      // The new push starts the 2 s polling; the `psa_push` "queued" entry is on the timeline.
      void qc.invalidateQueries({ queryKey: psaKeys.session(sessionId), exact: true });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId), exact: true });
    },
  });
}
