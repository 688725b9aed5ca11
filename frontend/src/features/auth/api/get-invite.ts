import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type InvitePreview = ResponseBody<"/api/v1/auth/invites/{token}", "get">;

export const inviteQuery = (token: string) =>
  queryOptions({
    queryKey: queryKeys.invitePreview(token),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/auth/invites/{token}", { params: { path: { token } }, signal })),
    staleTime: Infinity,
  });

export function useInvite(token: string) {
  return useQuery(inviteQuery(token));
}
