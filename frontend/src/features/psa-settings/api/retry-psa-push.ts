import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { psaKeys } from "./keys";

/** Queues a failed push again, then refreshes the activity log. */
export function useRetryPsaPush() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (pushId: string) => unwrap(api.POST("/api/v1/psa/pushes/{push_id}/retry", { params: { path: { push_id: pushId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: psaKeys.activityAll }),
  });
}
