import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

/** DELETE /steps/{id}: ratings, flags and links go with it; flow nodes keep their text. */
export function useDeleteStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/steps/{library_step_id}", { params: { path: { library_step_id: id } } })),
    // The step's own entry is left to expire: removing it now would refetch it (a 404) under the
    // page that is about to leave.
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: stepKeys.lists });
      void qc.invalidateQueries({ queryKey: stepKeys.facets });
    },
  });
}
