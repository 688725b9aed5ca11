/** POST /sessions/{id}/shares — a new link; its URL (with the secret) is in this answer only. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody, ResponseBody } from "@/api/types";
import { sharesKey } from "./list-shares";

export type CreateShareInput = RequestBody<"/api/v1/sessions/{session_id}/shares", "post">;
export type CreatedShare = ResponseBody<"/api/v1/sessions/{session_id}/shares", "post">;

export function useCreateShare(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareInput) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/shares", { params: { path: { session_id: sessionId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sharesKey(sessionId) }),
  });
}
