/**
 * POST /sessions/{id}/park — hand the session to a person or a team without escalating (no AI
 * briefing, so it answers at once). The session is paused until someone claims it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ParkInput } from "./types";

export function useParkSession(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ParkInput) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/park", { params: { path: { session_id: sessionId } }, body })),
    onSuccess: (handoff) => {
      qc.setQueryData(queryKeys.handoffs.detail(handoff.id), handoff);
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId) });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.lists, refetchType: "none" });
      void qc.invalidateQueries({ queryKey: queryKeys.handoffs.lists });
    },
  });
}
