/** GET /sessions/{id}/pilot — intake, triage, confidence, the current step, steps, facts and fixes. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { pilotKeys } from "./keys";

export const pilotQuery = (sessionId: string) =>
  queryOptions({
    queryKey: pilotKeys.state(sessionId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/pilot", { params: { path: { session_id: sessionId } }, signal })),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });

export function usePilot(sessionId: string) {
  return useQuery(pilotQuery(sessionId));
}
