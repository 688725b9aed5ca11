/** DELETE /sessions/{id}/shares/{share_id} — the link stops working at once. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { sharesKey } from "./list-shares";

export function useRevokeShare(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shareId: string) =>
      unwrap(
        api.DELETE("/api/v1/sessions/{session_id}/shares/{share_id}", {
          params: { path: { session_id: sessionId, share_id: shareId } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: sharesKey(sessionId) }),
  });
}
