import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { proposalKeys } from "./keys";

/** How often the nav badge asks again while the app is visible (the flywheel runs every 15 min). */
export const COUNTS_REFRESH_MS = 60_000;

export const proposalCountsQuery = () =>
  queryOptions({
    queryKey: proposalKeys.counts,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/proposals/counts", { signal })),
    refetchInterval: COUNTS_REFRESH_MS,
    staleTime: 30_000,
  });

/** GET /proposals/counts — proposals per state and open step flags (tabs and the nav badge). */
export function useProposalCounts() {
  return useQuery(proposalCountsQuery());
}
