/** Session shapes the copilot reads (keyed by URL and method, like every feature). */
import type { RequestBody, ResponseBody } from "@/api/types";

export type SessionDetail = ResponseBody<"/api/v1/sessions/{session_id}", "get">;
export type SessionEvent = SessionDetail["timeline"][number];
export type EventInput = RequestBody<"/api/v1/sessions/{session_id}/events", "post">;
export type EventsAppended = ResponseBody<"/api/v1/sessions/{session_id}/events", "post">;
