/** Pure helpers of the tickets feature: idempotency keys, confidence wording, the form from a triage. */
import type { Guess, NewTicket, Triage } from "../api/types";

/** A fresh key per dialog: the same one is sent again when the engineer retries. */
export function newIdempotencyKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** How sure the triage is, in words (screen readers and the eye read the same). */
export function confidenceLabel(confidence: number): string {
  if (confidence >= 0.8) return "sure";
  if (confidence >= 0.5) return "likely";
  return "a guess";
}

export interface TicketForm {
  summary: string;
  description: string;
  company_id: string;
  contact_id: string;
  board_id: string;
  type_id: string;
  priority: string;
}

export const EMPTY_FORM: TicketForm = {
  summary: "",
  description: "",
  company_id: "",
  contact_id: "",
  board_id: "",
  type_id: "",
  priority: "",
};

const id = (g: Guess | null | undefined) => g?.id ?? "";

export function formFromTriage(t: Triage): TicketForm {
  return {
    summary: t.summary,
    description: t.description,
    company_id: id(t.company),
    contact_id: id(t.contact),
    board_id: id(t.board),
    type_id: id(t.type),
    priority: id(t.priority),
  };
}

/** The request body: empty choices are left out (the PSA's defaults apply). */
export function ticketBody(f: TicketForm): NewTicket {
  const opt = (v: string) => (v ? v : undefined);
  return {
    summary: f.summary.trim(),
    description: f.description.trim(),
    company_id: opt(f.company_id),
    contact_id: opt(f.contact_id),
    board_id: opt(f.board_id),
    type_id: opt(f.type_id),
    priority: opt(f.priority),
  };
}
