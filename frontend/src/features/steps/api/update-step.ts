import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type LibraryStep, type LibraryStepUpdate, stepKeys } from "@/lib/steps";

/**
 * PUT /steps/{id} with the revision the form started from: a 409 means someone else saved in
 * between (the form says so and offers a reload).
 */
export function useUpdateStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LibraryStepUpdate) =>
      unwrap(api.PUT("/api/v1/steps/{library_step_id}", { params: { path: { library_step_id: id } }, body })),
    onSuccess: (step: LibraryStep) => {
      qc.setQueryData(stepKeys.detail(step.id), step);
      void qc.invalidateQueries({ queryKey: stepKeys.lists });
      void qc.invalidateQueries({ queryKey: stepKeys.facets });
    },
  });
}
