import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type StepFlag, stepKeys } from "@/lib/steps";

export type FlagVerdict = "resolve" | "dismiss";

/** POST /steps/flags/{id}/resolve|dismiss `{note?}` — 409 when the flag is no longer open. */
export function useCloseFlag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, verdict, note = "" }: { flagId: string; verdict: FlagVerdict; note?: string }) =>
      verdict === "resolve"
        ? unwrap(api.POST("/api/v1/steps/flags/{flag_id}/resolve", { params: { path: { flag_id: flagId } }, body: { note } }))
        : unwrap(api.POST("/api/v1/steps/flags/{flag_id}/dismiss", { params: { path: { flag_id: flagId } }, body: { note } })),
    onSettled: (flag: StepFlag | undefined) => {
      void qc.invalidateQueries({ queryKey: stepKeys.flags });
      if (flag) void qc.invalidateQueries({ queryKey: stepKeys.detail(flag.step_id) });
      void qc.invalidateQueries({ queryKey: stepKeys.lists });
    },
  });
}
