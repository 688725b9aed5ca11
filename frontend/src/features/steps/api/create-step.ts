import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type LibraryStep, type LibraryStepCreate, stepKeys } from "@/lib/steps";

/** POST /steps — a 422 names the field (`title`, `answers`, `script_ref` …). */
export function useCreateStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LibraryStepCreate) => unwrap(api.POST("/api/v1/steps", { body })),
    onSuccess: (step: LibraryStep) => {
      qc.setQueryData(stepKeys.detail(step.id), step);
      void qc.invalidateQueries({ queryKey: stepKeys.lists });
      void qc.invalidateQueries({ queryKey: stepKeys.facets });
    },
  });
}
