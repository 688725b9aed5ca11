/** ResolutionAssist shapes, read off the generated client (keyed by URL and method). */
import type { ItemOf, RequestBody, ResponseBody } from "@/api/types";

export type ConversationPage = ResponseBody<"/api/v1/assist/conversations", "get">;
export type ConversationSummary = ItemOf<ConversationPage>;
export type ConversationDetail = ResponseBody<"/api/v1/assist/conversations/{conversation_id}", "get">;
export type ConversationMessage = ConversationDetail["messages"][number];
export type MessageInput = RequestBody<"/api/v1/assist/conversations/{conversation_id}/messages", "post">;
export type AttachmentInput = NonNullable<MessageInput["attachments"]>[number];
export type ToSessionInput = RequestBody<"/api/v1/assist/conversations/{conversation_id}/session", "post">;
export type CreatedSession = ResponseBody<"/api/v1/assist/conversations/{conversation_id}/session", "post">;
