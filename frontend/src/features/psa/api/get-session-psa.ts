/**
 * GET /sessions/{id}/psa — is a PSA connected, the linked ticket's context, this session's pushes.
 * Polled every 2 s while a push is queued or being sent, so its state follows the outbox.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { psaKeys, type SessionPsa } from "./types";

export const POLL_MS = 2000;

export function hasPushInFlight(psa: SessionPsa | undefined): boolean {
  return Boolean(psa?.pushes.some((p) => p.state === "queued" || p.state === "sending"));
}

export const sessionPsaQuery = (sessionId: string) =>
  queryOptions({
    queryKey: psaKeys.session(sessionId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/psa", { params: { path: { session_id: sessionId } }, signal })),
    staleTime: 30_000,
    refetchInterval: (query) => (hasPushInFlight(query.state.data) ? POLL_MS : false),
  });

export function useSessionPsa(sessionId: string) {
  return useQuery(sessionPsaQuery(sessionId));
}
