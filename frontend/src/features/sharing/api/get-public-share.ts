/** GET /public/shares/{token} — a public link's redacted note; needs no sign-in. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";
import { ApiError } from "@/lib/problem";

export type PublicShare = ResponseBody<"/api/v1/public/shares/{token}", "get">;

export const publicShareQuery = (token: string) =>
  queryOptions({
    queryKey: ["public-share", token] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/public/shares/{token}", { params: { path: { token } }, signal })),
    // Each fetch counts as a view: don't refetch behind the reader's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export function usePublicShare(token: string) {
  return useQuery(publicShareQuery(token));
}
