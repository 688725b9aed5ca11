/** PSA shapes read off the generated client (keyed by URL and method), and this feature's query keys. */
import type { RequestBody, ResponseBody } from "@/api/types";
import type { components } from "@/api/schema";

export type SessionDetail = ResponseBody<"/api/v1/sessions/{session_id}", "get">;
export type SessionPsa = ResponseBody<"/api/v1/sessions/{session_id}/psa", "get">;
export type Ticket = NonNullable<SessionPsa["ticket"]>;
export type Configuration = Ticket["configurations"][number];
export type TicketSummary = ResponseBody<"/api/v1/psa/tickets", "get">[number];
export type PushPreview = ResponseBody<"/api/v1/sessions/{session_id}/psa/preview", "get">;
export type PushInput = RequestBody<"/api/v1/sessions/{session_id}/psa/push", "post">;
export type NoteType = PushInput["note_type"];
/** The push answers 202, which `ResponseBody` (200/201) doesn't read; the schema names it. */
export type Push = components["schemas"]["PushRead"];
export type PushState = Push["state"];

/**
 * Not under the session's detail key on purpose: the runner's live stream invalidates that on
 * every event, and the PSA state only needs a refetch when a PSA event lands on the timeline
 * (see `usePsaFollowsTimeline`).
 */
export const psaKeys = {
  all: ["psa"] as const,
  tickets: (q: string) => ["psa", "tickets", q] as const,
  session: (sessionId: string) => ["psa", "session", sessionId] as const,
  preview: (sessionId: string) => ["psa", "session", sessionId, "preview"] as const,
};
