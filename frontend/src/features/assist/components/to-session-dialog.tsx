/** "Turn into session": a title and an optional ticket, then the new session (the exchange on its timeline). */
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField } from "@/components/ui/input";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useConversationToSession } from "../api/conversation-to-session";

export function ToSessionDialog({ conversationId, defaultTitle, onClose }: { conversationId: string; defaultTitle: string; onClose: () => void }) {
  const [title, setTitle] = useState(defaultTitle);
  const [ticket, setTicket] = useState("");
  const toSession = useConversationToSession(conversationId);
  const navigate = useNavigate();
  const fields = toSession.error ? fieldErrors(toProblem(toSession.error)) : {};

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    toSession.mutate(
      { title: title.trim() || null, ticket_id: ticket.trim() || null },
      { onSuccess: (session) => navigate(`/sessions/${session.id}`) },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="Turn into session"
      description="A freeform session starts with this conversation on its timeline, so the ticket note shows what was already tried."
      busy={toSession.isPending}
    >
      <form onSubmit={onSubmit} className="space-y-3">
        <InputField label="Title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} error={fields.title} required />
        <InputField
          label="Ticket"
          hint="Optional: the PSA ticket number."
          value={ticket}
          maxLength={100}
          onChange={(e) => setTicket(e.target.value)}
          error={fields.ticket_id}
        />
        <FormError message={toSession.error ? errorMessage(toSession.error, ["title", "ticket_id"]) : null} />
        <div className="flex justify-end gap-2 pt-1">
          <Button variant="secondary" onClick={onClose} disabled={toSession.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={toSession.isPending} disabled={!title.trim()}>
            Create session
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
