import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ProposalStatus } from "../model/proposal-view";
import { proposalKeys } from "./keys";

export const proposalsQuery = (status: ProposalStatus) =>
  queryOptions({
    queryKey: proposalKeys.list(status),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/proposals", { params: { query: { status } }, signal })),
  });

/** GET /proposals?status= — the proposals in one state, each with `can_review` for the caller. */
export function useProposals(status: ProposalStatus) {
  return useQuery(proposalsQuery(status));
}
