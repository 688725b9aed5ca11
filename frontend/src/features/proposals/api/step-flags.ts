/**
 * The step library's open "this step is wrong" flags, which the review queue lists as their own
 * section, and closing one (resolve: the step was wrong and is fixed; dismiss: it was right).
 * Only `may_close` flags offer the buttons (team admins of the step's owner team).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { proposalKeys } from "./keys";

export const openStepFlagsQuery = () =>
  queryOptions({
    queryKey: proposalKeys.openStepFlags,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/steps/flags", { params: { query: { status: "open", limit: 100 } }, signal })),
  });

export function useOpenStepFlags() {
  return useQuery(openStepFlagsQuery());
}

export type FlagVerdict = "resolve" | "dismiss";

export function useCloseStepFlag() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, verdict }: { flagId: string; verdict: FlagVerdict }) =>
      verdict === "resolve"
        ? unwrap(api.POST("/api/v1/steps/flags/{flag_id}/resolve", { params: { path: { flag_id: flagId } }, body: { note: "" } }))
        : unwrap(api.POST("/api/v1/steps/flags/{flag_id}/dismiss", { params: { path: { flag_id: flagId } }, body: { note: "" } })),
    onSettled: () => {
      // The step library's lists and the step's page show flags and their counts too.
      void qc.invalidateQueries({ queryKey: proposalKeys.steps });
      void qc.invalidateQueries({ queryKey: proposalKeys.counts });
    },
  });
}
