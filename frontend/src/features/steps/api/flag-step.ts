import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

/** POST /steps/{id}/flags `{reason}` — "this step is wrong"; it goes to the review queue. */
export function useFlagStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST("/api/v1/steps/{library_step_id}/flags", { params: { path: { library_step_id: id } }, body: { reason } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: stepKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: stepKeys.flags });
      void qc.invalidateQueries({ queryKey: stepKeys.lists });
    },
  });
}
