/** POST /sessions/{id}/attachments (the file's bytes as the body) and GET one back. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { downloadResponse } from "@/lib/download";
import { ApiError, parseProblem } from "@/lib/problem";

export async function uploadAttachment(sessionId: string, file: File): Promise<void> {
  const { error, response } = await api.POST("/api/v1/sessions/{session_id}/attachments", {
    params: { path: { session_id: sessionId }, query: { filename: file.name } },
    // The raw bytes travel as they are; the server decides the type from the content.
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { "Content-Type": file.type || "application/octet-stream" },
  });
  if (!response.ok) throw new ApiError(parseProblem(response, error));
}

export function useUploadAttachment(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(sessionId, file),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId) }),
  });
}

export function downloadAttachment(sessionId: string, attachmentId: string, filename: string): Promise<string> {
  return downloadResponse(
    api.GET("/api/v1/sessions/{session_id}/attachments/{attachment_id}", {
      params: { path: { session_id: sessionId, attachment_id: attachmentId } },
      parseAs: "blob",
    }),
    filename,
  );
}
