/**
 * POST /psa/tickets — creates the ticket in my team's PSA, then (optionally) starts a session on
 * it with POST /sessions {ticket_id}, which links the ticket's context. The Idempotency-Key is
 * the dialog's: a retry after a timeout returns the ticket the first attempt created.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type NewTicket, ticketKeys } from "./types";

export function useCreateTicket(idempotencyKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTicket) =>
      unwrap(api.POST("/api/v1/psa/tickets", { body, params: { header: { "Idempotency-Key": idempotencyKey } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...ticketKeys.all, "queue"] }),
  });
}

/** Starts a session on a ticket (the session's title is the ticket's summary). */
export function useStartSession() {
  return useMutation({
    mutationFn: ({ ticketId, title }: { ticketId: string; title: string }) =>
      unwrap(api.POST("/api/v1/sessions", { body: { mode: "guided", title: title.slice(0, 200) || `Ticket #${ticketId}`, ticket_id: ticketId } })),
  });
}
