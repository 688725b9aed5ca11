/**
 * POST /assist/conversations/{id}/messages, streamed (server-sent events through the typed
 * client, so the auth middleware adds the token and refreshes once on a 401).
 */
import { api } from "@/api/client";
import { type CopilotReply, readReply, type StreamHandlers } from "@/lib/copilot";
import { ApiError, parseProblem } from "@/lib/problem";
import type { MessageInput } from "./types";

export async function sendMessage(
  conversationId: string,
  body: MessageInput,
  handlers: StreamHandlers,
  signal?: AbortSignal,
): Promise<CopilotReply> {
  const { error, response } = await api.POST("/api/v1/assist/conversations/{conversation_id}/messages", {
    params: { path: { conversation_id: conversationId } },
    body,
    headers: { Accept: "text/event-stream" },
    parseAs: "stream",
    signal,
  });
  if (!response.ok) throw new ApiError(parseProblem(response, error));
  return readReply(response, handlers);
}
