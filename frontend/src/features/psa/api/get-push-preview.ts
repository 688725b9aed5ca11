/**
 * GET /sessions/{id}/psa/preview — exactly the redacted plain text a push would post now, what
 * was redacted in it, and the active minutes a time entry would carry. Asked each time the push
 * dialog opens (never served from an old cache).
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { psaKeys } from "./types";

export const pushPreviewQuery = (sessionId: string) =>
  queryOptions({
    queryKey: psaKeys.preview(sessionId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/psa/preview", { params: { path: { session_id: sessionId } }, signal })),
    gcTime: 0,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });

export function usePushPreview(sessionId: string, enabled = true) {
  return useQuery({ ...pushPreviewQuery(sessionId), enabled });
}
