import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";
import { type PsaScope, psaKeys, teamQuery } from "./keys";

export type PsaMembers = ResponseBody<"/api/v1/integrations/psa/members", "get">;
export type PsaMember = PsaMembers["members"][number];
export type PsaMemberLink = PsaMembers["links"][number];

export const psaMembersQuery = (teamId: PsaScope) =>
  queryOptions({
    queryKey: psaKeys.members(teamId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/integrations/psa/members", { params: { query: teamQuery(teamId) }, signal })),
    staleTime: 60_000,
    // 409 (nothing connected) and 502 (the PSA failed) are answers, not blips.
    retry: false,
  });

/** The PSA's members and our users side by side (asks the PSA, so it can be slow or fail). */
export function usePsaMembers(teamId: PsaScope, enabled = true) {
  return useQuery({ ...psaMembersQuery(teamId), enabled });
}
