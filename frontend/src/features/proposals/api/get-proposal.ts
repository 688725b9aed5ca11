import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { proposalKeys } from "./keys";

export const proposalQuery = (id: string) =>
  queryOptions({
    queryKey: proposalKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/proposals/{proposal_id}", { params: { path: { proposal_id: id } }, signal })),
  });

/** GET /proposals/{id} — one proposal with its evidence, draft and comments (404: not yours). */
export function useProposal(id: string) {
  return useQuery(proposalQuery(id));
}
