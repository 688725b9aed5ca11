import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type LibraryStep, stepKeys } from "@/lib/steps";

export interface RatingInput {
  stars: number;
  review: string;
}

/** PUT /steps/{id}/rating — yours replaces your earlier one; answers with the step (new average). */
export function useRateStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingInput) =>
      unwrap(api.PUT("/api/v1/steps/{library_step_id}/rating", { params: { path: { library_step_id: id } }, body })),
    onSuccess: (step: LibraryStep) => {
      qc.setQueryData(stepKeys.detail(id), step);
      void qc.invalidateQueries({ queryKey: stepKeys.ratings(id) });
      void qc.invalidateQueries({ queryKey: stepKeys.lists });
    },
  });
}
