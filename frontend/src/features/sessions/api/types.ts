/** Session shapes read off the generated client (keyed by URL and method). */
import type { ItemOf, QueryParams, RequestBody, ResponseBody } from "@/api/types";

export type SessionSummary = ItemOf<ResponseBody<"/api/v1/sessions", "get">>;
export type SessionListParams = QueryParams<"/api/v1/sessions", "get">;
export type SessionStatus = SessionSummary["status"];
/** How an ended session ended; `workaround` sessions have status `resolved`. */
export type SessionOutcome = NonNullable<SessionSummary["outcome"]>;
export type SessionDetail = ResponseBody<"/api/v1/sessions/{session_id}", "get">;
export type SessionEvent = SessionDetail["timeline"][number];
export type StepView = NonNullable<SessionDetail["current_step"]>;
export type EventInput = RequestBody<"/api/v1/sessions/{session_id}/events", "post">;
export type EventsAppended = ResponseBody<"/api/v1/sessions/{session_id}/events", "post">;
export type CreateSessionInput = RequestBody<"/api/v1/sessions", "post">;
export type FlowOption = ItemOf<ResponseBody<"/api/v1/flows", "get">>;

export const SESSION_STATUSES: readonly SessionStatus[] = ["active", "paused", "escalated", "resolved", "unresolved", "abandoned"];
export const ENDED_STATUSES: readonly SessionStatus[] = ["resolved", "unresolved", "abandoned"];

export function isEnded(status: SessionStatus): boolean {
  return ENDED_STATUSES.includes(status);
}
