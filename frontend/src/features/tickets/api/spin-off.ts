/** POST /sessions/{id}/spin-off — a related ticket for a second problem, linked both ways. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { SpinOffInput } from "./types";

export function useSpinOff(sessionId: string, idempotencyKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SpinOffInput) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/spin-off", {
          params: { path: { session_id: sessionId }, header: { "Idempotency-Key": idempotencyKey } },
          body,
        }),
      ),
    // The timeline has a `ticket_spun_off` entry now.
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId), exact: true }),
  });
}
