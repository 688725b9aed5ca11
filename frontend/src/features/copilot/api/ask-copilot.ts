/**
 * POST /sessions/{id}/copilot/messages, streamed: the answer arrives as server-sent events read
 * through the typed client, so the auth middleware adds the token and handles a 401 (one
 * refresh, one retry) like every other call. Errors before the stream are problem+json.
 */
import { api } from "@/api/client";
import { type CopilotReply, readReply, type StreamHandlers } from "@/lib/copilot";
import { ApiError, parseProblem } from "@/lib/problem";

export async function askCopilot(
  sessionId: string,
  content: string,
  handlers: StreamHandlers,
  signal?: AbortSignal,
  resendImages = false,
): Promise<CopilotReply> {
  const { error, response } = await api.POST("/api/v1/sessions/{session_id}/copilot/messages", {
    params: { path: { session_id: sessionId } },
    body: { content, resend_images: resendImages },
    headers: { Accept: "text/event-stream" },
    parseAs: "stream",
    signal,
  });
  if (!response.ok) throw new ApiError(parseProblem(response, error));
  return readReply(response, handlers);
}
