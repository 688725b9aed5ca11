/** GET /sessions/{id}/shares — the session's share links (never their tokens). */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ItemOf, ResponseBody } from "@/api/types";

export type Share = ItemOf<ResponseBody<"/api/v1/sessions/{session_id}/shares", "get">>;

export const sharesKey = (sessionId: string) => ["session-shares", sessionId] as const;

export const sharesQuery = (sessionId: string) =>
  queryOptions({
    queryKey: sharesKey(sessionId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/shares", { params: { path: { session_id: sessionId } }, signal })),
  });

export function useShares(sessionId: string, enabled = true) {
  return useQuery({ ...sharesQuery(sessionId), enabled });
}
