import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

export const stepFlagsQuery = (stepId: string) => {
  const params = { step_id: stepId, limit: 50 };
  return queryOptions({
    queryKey: stepKeys.flagList(params),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/steps/flags", { params: { query: params }, signal })),
  });
};

/** A step's "this step is wrong" flags (open and closed), newest first, each with `may_close`. */
export function useStepFlags(stepId: string) {
  return useQuery(stepFlagsQuery(stepId));
}
