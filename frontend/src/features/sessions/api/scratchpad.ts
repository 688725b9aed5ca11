/**
 * GET/PUT /sessions/{id}/scratchpad — the owner's private scratchpad. Kept under its own query
 * key (not under the session's), so timeline refreshes never refetch it over what is being typed.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";

export type Scratchpad = ResponseBody<"/api/v1/sessions/{session_id}/scratchpad", "get">;

export const scratchpadKey = (sessionId: string) => ["scratchpad", sessionId] as const;

export const scratchpadQuery = (sessionId: string) =>
  queryOptions({
    queryKey: scratchpadKey(sessionId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/sessions/{session_id}/scratchpad", { params: { path: { session_id: sessionId } }, signal })),
    staleTime: Infinity,
  });

export function useScratchpad(sessionId: string, enabled: boolean) {
  return useQuery({ ...scratchpadQuery(sessionId), enabled });
}

export function useSaveScratchpad(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    // One save at a time per session: a later save never lands before an earlier one.
    mutationKey: ["scratchpad", "save", sessionId],
    scope: { id: `scratchpad-${sessionId}` },
    mutationFn: (text: string) =>
      unwrap(api.PUT("/api/v1/sessions/{session_id}/scratchpad", { params: { path: { session_id: sessionId } }, body: { text } })),
    onSuccess: (saved) => qc.setQueryData(scratchpadKey(sessionId), saved),
  });
}
