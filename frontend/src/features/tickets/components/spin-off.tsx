/**
 * "Spin off ticket" in the runner header (handed in by the route through `headerActions`): a
 * related ticket for a second problem found while working this one — same company and board,
 * referencing the session's ticket, optionally with the session's context (redacted as a pushed
 * note). The new ticket lands on the timeline; the original gets a note naming it.
 */
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField, TextareaField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useSpinOff } from "../api/spin-off";
import type { SessionDetail } from "../api/types";
import { ticketErrorMessage } from "../model/errors";
import { newIdempotencyKey } from "../model/ticket-form";

export function SpinOffButton({ session, canWork }: { session: SessionDetail; canWork: boolean }) {
  const [open, setOpen] = useState(false);
  // Only a session on a ticket has a company and board to spin off from.
  if (!canWork || !session.ticket_id) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Spin off ticket
      </Button>
      {open && <SpinOffDialog session={session} onClose={() => setOpen(false)} />}
    </>
  );
}

export function SpinOffDialog({ session, onClose }: { session: SessionDetail; onClose: () => void }) {
  const [key] = useState(newIdempotencyKey);
  const spin = useSpinOff(session.id, key);
  const toast = useToast();
  const [summary, setSummary] = useState("");
  const [description, setDescription] = useState("");
  const [copyContext, setCopyContext] = useState(false);
  const copyId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await spin
      .mutateAsync({ summary: summary.trim(), description: description.trim(), copy_context: copyContext })
      .catch(() => null);
    if (!done) return;
    toast.show(
      `Ticket #${done.ticket_id} created` +
        (done.original_ticket_id ? (done.original_noted ? `; #${done.original_ticket_id} notes it.` : `; #${done.original_ticket_id} could not be noted.`) : "."),
    );
    onClose();
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={spin.isPending}
      title="Spin off a related ticket"
      description={`A new ticket for a second problem, linked to #${session.ticket_id}.`}
    >
      <form onSubmit={submit} className="space-y-3">
        <InputField label="Summary" value={summary} onChange={(e) => setSummary(e.target.value)} required maxLength={100} />
        <TextareaField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={8000} />
        <div className="flex items-start gap-2">
          <input id={copyId} type="checkbox" checked={copyContext} onChange={(e) => setCopyContext(e.target.checked)} className="mt-1" />
          <label htmlFor={copyId} className="text-sm text-slate-700">
            Copy this session's context (redacted, as notes pushed to the PSA are)
          </label>
        </div>
        <FormError message={spin.error ? ticketErrorMessage(spin.error) : null} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose} disabled={spin.isPending}>
            Cancel
          </Button>
          <Button type="submit" disabled={spin.isPending || !summary.trim()}>
            {spin.isPending ? "Creating…" : "Create ticket"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
