import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type Invite = ItemOf<ResponseBody<"/api/v1/invites", "get">>;
export type InviteStatusFilter = "pending" | "all";

export const invitesQuery = (status: InviteStatusFilter) =>
  queryOptions({
    queryKey: queryKeys.invites.list(status),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/invites", { params: { query: { status } }, signal })),
  });

export function useInvites(status: InviteStatusFilter) {
  return useQuery(invitesQuery(status));
}
