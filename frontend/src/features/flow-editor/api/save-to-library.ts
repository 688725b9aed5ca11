import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type LibraryStep, type LibraryStepCreate, stepKeys } from "@/lib/steps";

/** "Save to library": POST /steps from a node; the library pages and the palette see it. */
export function useSaveToLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LibraryStepCreate) => unwrap(api.POST("/api/v1/steps", { body })),
    onSuccess: (step: LibraryStep) => {
      qc.setQueryData(stepKeys.detail(step.id), step);
      void qc.invalidateQueries({ queryKey: stepKeys.lists });
      void qc.invalidateQueries({ queryKey: stepKeys.palettes });
      void qc.invalidateQueries({ queryKey: stepKeys.facets });
    },
  });
}
