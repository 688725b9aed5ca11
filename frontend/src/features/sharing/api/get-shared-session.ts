/** GET /shares/{token} — a session opened through a link, read-only (signed in, same account). */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";
import { ApiError } from "@/lib/problem";

export type SharedSession = ResponseBody<"/api/v1/shares/{token}", "get">;
export type SharedEvent = SharedSession["timeline"][number];

export const sharedSessionQuery = (token: string) =>
  queryOptions({
    queryKey: ["shared-session", token] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/shares/{token}", { params: { path: { token } }, signal })),
    refetchOnWindowFocus: false,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export function useSharedSession(token: string) {
  return useQuery(sharedSessionQuery(token));
}
