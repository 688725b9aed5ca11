import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { proposalKeys } from "./keys";
import type { GapDraftIn } from "./types";

export const gapsQuery = () =>
  queryOptions({
    queryKey: proposalKeys.gaps,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/knowledge/gaps", { signal })),
    staleTime: 60_000,
  });

/** GET /knowledge/gaps — problems no flow covers, clustered into labelled topics. */
export function useGaps() {
  return useQuery(gapsQuery());
}

/** POST /knowledge/gaps/draft {session_ids, title?} → 201 `{flow_id, draft_version, proposal_id}`. */
export function useDraftForGap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GapDraftIn) => unwrap(api.POST("/api/v1/knowledge/gaps/draft", { body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.flows.all });
      void qc.invalidateQueries({ queryKey: proposalKeys.all });
    },
  });
}
