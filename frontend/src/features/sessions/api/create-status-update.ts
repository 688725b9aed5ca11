/** POST /sessions/{id}/status-update — a status update for an audience, written (never sent) for the engineer to use. */
import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody, ResponseBody } from "@/api/types";

export type StatusUpdateInput = RequestBody<"/api/v1/sessions/{session_id}/status-update", "post">;
export type StatusUpdate = ResponseBody<"/api/v1/sessions/{session_id}/status-update", "post">;
export type Audience = StatusUpdateInput["audience"];
export type UpdateDetail = StatusUpdateInput["detail"];

export function useCreateStatusUpdate(sessionId: string) {
  return useMutation({
    mutationFn: (body: StatusUpdateInput) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/status-update", { params: { path: { session_id: sessionId } }, body })),
  });
}
