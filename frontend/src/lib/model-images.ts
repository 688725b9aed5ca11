/**
 * GET /sessions/{id}/model-images — the session's screenshots and whether the next copilot
 * question or FlowPilot step sends them to the model (with the reason when not). Shared by the
 * copilot panel and the FlowPilot runner. Keyed under the session and its last timeline seq, so
 * an upload, a reply or a new step (each a timeline event) refreshes it.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type ModelImages = ResponseBody<"/api/v1/sessions/{session_id}/model-images", "get">;
export type ModelImage = ModelImages["items"][number];

export const MODEL_IMAGES_NOTICE =
  "Images are sent as they are — they can't be redacted. Remove an image from the session to keep it from the model.";

export const modelImagesQuery = (sessionId: string, lastSeq: number, resend = false) =>
  queryOptions({
    queryKey: [...queryKeys.sessions.detail(sessionId), "model-images", lastSeq, resend] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/sessions/{session_id}/model-images", {
          params: { path: { session_id: sessionId }, query: resend ? { resend_images: true } : {} },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });

export function useModelImages(sessionId: string, lastSeq: number, resend = false) {
  return useQuery(modelImagesQuery(sessionId, lastSeq, resend));
}

/** DELETE /sessions/{id}/attachments/{attachment_id} — takes a file out of the session (and so away from the model). */
export function useRemoveAttachment(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      unwrap(
        api.DELETE("/api/v1/sessions/{session_id}/attachments/{attachment_id}", {
          params: { path: { session_id: sessionId, attachment_id: attachmentId } },
        }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId) }),
  });
}
