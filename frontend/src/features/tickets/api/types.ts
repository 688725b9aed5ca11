/** Ticket shapes read off the generated client, and this feature's query keys. */
import type { RequestBody, ResponseBody } from "@/api/types";

export type SessionDetail = ResponseBody<"/api/v1/sessions/{session_id}", "get">;
export type Queue = ResponseBody<"/api/v1/psa/tickets/queue", "get">;
export type QueueItem = Queue["items"][number];
export type View = Queue["view"];
export type FormOptions = ResponseBody<"/api/v1/psa/tickets/options", "get">;
export type Triage = ResponseBody<"/api/v1/psa/tickets/triage", "post">;
export type Guess = NonNullable<Triage["company"]>;
export type NewTicket = RequestBody<"/api/v1/psa/tickets", "post">;
export type CreatedTicket = ResponseBody<"/api/v1/psa/tickets", "post">;
export type SpinOffInput = RequestBody<"/api/v1/sessions/{session_id}/spin-off", "post">;
export type SpinOff = ResponseBody<"/api/v1/sessions/{session_id}/spin-off", "post">;

export interface QueueFilters {
  view: View;
  q: string;
  board_id: string;
  status: string;
  company_id: string;
  priority_id: string;
  page: number;
}

export const ticketKeys = {
  all: ["tickets"] as const,
  queue: (f: QueueFilters) => ["tickets", "queue", f] as const,
  options: (boardId: string) => ["tickets", "options", boardId] as const,
};
