/** POST /psa/pushes/{id}/retry — queues a failed push again (the session's owner, or a team admin). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { psaKeys } from "./types";

export function useRetryPush(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (pushId: string) => unwrap(api.POST("/api/v1/psa/pushes/{push_id}/retry", { params: { path: { push_id: pushId } } })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: psaKeys.session(sessionId), exact: true });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId), exact: true });
    },
  });
}
