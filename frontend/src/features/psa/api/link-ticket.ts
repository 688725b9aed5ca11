/**
 * POST /sessions/{id}/psa/ticket — links a ticket to the session (or refreshes its context) and
 * records `ticket_linked` on the timeline. 422 when the PSA has no such ticket, 502 when it fails.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { psaKeys } from "./types";

export function useLinkTicket(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ticketId: string) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/psa/ticket", {
          params: { path: { session_id: sessionId } },
          body: { ticket_id: ticketId },
        }),
      ),
    onSettled: () => {
      // The session's ticket number and timeline changed (a failure may have been recorded too).
      void qc.invalidateQueries({ queryKey: psaKeys.session(sessionId) });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId), exact: true });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.lists, refetchType: "none" });
    },
  });
}
