/** Handoff shapes read off the generated client (keyed by URL and method). */
import type { ItemOf, QueryParams, RequestBody, ResponseBody } from "@/api/types";

export type Handoff = ResponseBody<"/api/v1/handoffs/{handoff_id}", "get">;
export type HandoffListItem = ItemOf<ResponseBody<"/api/v1/handoffs", "get">>;
export type HandoffListParams = QueryParams<"/api/v1/handoffs", "get">;
export type Priority = Handoff["priority"];
export type EscalateInput = RequestBody<"/api/v1/sessions/{session_id}/escalate", "post">;
export type ParkInput = RequestBody<"/api/v1/sessions/{session_id}/park", "post">;
export type SessionDetail = ResponseBody<"/api/v1/sessions/{session_id}", "get">;

export const PRIORITIES: readonly Priority[] = ["low", "medium", "high", "urgent"];
