/**
 * "Push to PSA" in the runner header (handed in by the route through `headerActions`) and its
 * dialog: the note type, emailing the customer (off by default), a time entry and a status change
 * where the PSA supports them, and exactly the redacted text that will be posted. The push is
 * queued (202); the outbox sends it and the card and timeline follow its state.
 */
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { useSessionPsa } from "../api/get-session-psa";
import { usePushPreview } from "../api/get-push-preview";
import { usePushNote } from "../api/push-note";
import type { NoteType, PushInput, SessionDetail, SessionPsa } from "../api/types";
import { psaErrorMessage, redactionSummary } from "../model/push";

const NOTE_TYPES = [
  { value: "internal", label: "Internal", description: "An internal note: your colleagues see it, the customer doesn't" },
  { value: "discussion", label: "Discussion", description: "On the ticket's discussion, where the customer can read it" },
  { value: "resolution", label: "Resolution", description: "Recorded as the ticket's resolution" },
] as const;

export interface PushToPsaButtonProps {
  session: SessionDetail;
  /** The signed-in person may work this session. */
  canWork: boolean;
}

/** Why pushing isn't possible now, or null. */
export function pushBlockedReason(psa: Pick<SessionPsa, "connected" | "ticket_id">): string | null {
  if (!psa.connected) return "No PSA connected: a team admin connects one in the PSA settings.";
  if (!psa.ticket_id) return "No ticket linked: link one in the PSA ticket card first.";
  return null;
}

export function PushToPsaButton({ session, canWork }: PushToPsaButtonProps) {
  const psa = useSessionPsa(session.id);
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const data = psa.data;
  // Nothing to do with a PSA here: no connection and no ticket (or the state can't be read).
  if (!canWork || !data || (!data.connected && !data.ticket_id)) return null;
  const reason = pushBlockedReason(data);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        disabled={reason !== null}
        aria-haspopup="dialog"
        aria-describedby={reason ? reasonId : undefined}
        title={reason ?? undefined}
      >
        Push to PSA
      </Button>
      {reason && (
        <span id={reasonId} className="sr-only">
          {reason}
        </span>
      )}
      {open && reason === null && <PushDialog session={session} psa={data} onClose={() => setOpen(false)} />}
    </>
  );
}

export function PushDialog({ session, psa, onClose }: { session: SessionDetail; psa: SessionPsa; onClose: () => void }) {
  const preview = usePushPreview(session.id);
  const push = usePushNote(session.id);
  const toast = useToast();
  const [noteType, setNoteType] = useState<NoteType>(session.status === "resolved" ? "resolution" : "internal");
  const [notify, setNotify] = useState(false);
  const [timeEntry, setTimeEntry] = useState(false);
  const [status, setStatus] = useState("");
  const notifyId = useId();
  const timeId = useId();
  const warnId = useId();
  const ticketId = psa.ticket_id ?? "";
  const provider = psa.provider_label ?? "the PSA";
  const minutes = Math.max(1, preview.data ? preview.data.active_minutes : Math.ceil(session.active_seconds / 60));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (push.isPending) return;
    const body: PushInput = {
      note_type: noteType,
      notify_customer: notify,
      time_entry: psa.supports_time_entries && timeEntry,
    };
    if (psa.supports_status && status.trim()) body.status = status.trim();
    push.mutate(body, {
      onSuccess: (queued) => {
        toast.show(`Note queued for ticket #${queued.ticket_id || ticketId}; it goes to ${provider} in a moment.`);
        onClose();
      },
    });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="Push to PSA"
      description={`Posts this session's note to ${provider} ticket #${ticketId}, redacted exactly as shown below.`}
      size="lg"
      busy={push.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={push.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="psa-push-form" loading={push.isPending} disabled={!preview.isSuccess}>
            Push
          </Button>
        </>
      }
    >
      <form id="psa-push-form" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={push.error ? psaErrorMessage(push.error) : null} />
        <fieldset disabled={push.isPending} className="space-y-4">
          <RadioCards<NoteType> legend="Note type" name="psa-note-type" value={noteType} onChange={setNoteType} options={NOTE_TYPES} />
          <div>
            <div className="flex items-start gap-2">
              <input
                id={notifyId}
                type="checkbox"
                checked={notify}
                onChange={(e) => setNotify(e.target.checked)}
                aria-describedby={warnId}
                className="mt-0.5 size-4 accent-indigo-600"
              />
              <label htmlFor={notifyId} className="text-sm font-medium text-slate-800">
                Email the customer (processNotifications)
              </label>
            </div>
            <p
              id={warnId}
              data-testid="psa-notify-warning"
              className={
                notify
                  ? "mt-1 ml-6 rounded-md bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-200 ring-inset"
                  : "mt-1 ml-6 text-xs text-slate-500"
              }
            >
              {notify
                ? `${provider} will email this note to the ticket's contact. Only leave this on for a note written for the customer.`
                : "Off: the PSA emails nobody. Turning it on emails the note to the ticket's contact."}
            </p>
          </div>
          {psa.supports_time_entries && (
            <div className="flex items-start gap-2">
              <input id={timeId} type="checkbox" checked={timeEntry} onChange={(e) => setTimeEntry(e.target.checked)} className="mt-0.5 size-4 accent-indigo-600" />
              <label htmlFor={timeId} className="text-sm font-medium text-slate-800">
                Add a time entry for {minutes} {minutes === 1 ? "minute" : "minutes"}
              </label>
            </div>
          )}
          {psa.supports_status && (
            <InputField
              label="Change ticket status to"
              value={status}
              maxLength={100}
              onChange={(e) => setStatus(e.target.value)}
              placeholder={noteType === "resolution" ? "e.g. Resolved" : "Leave empty to keep the status"}
              hint={`Optional; the status name as ${provider} spells it.${psa.ticket?.status ? ` Now: ${psa.ticket.status}.` : ""}`}
            />
          )}
        </fieldset>
        <section aria-label="Note preview" className="space-y-1.5">
          <div className="flex flex-wrap items-baseline gap-2">
            <h3 className="text-sm font-medium text-slate-700">What will be posted</h3>
            {preview.data && (
              <span data-testid="psa-redactions" className="ml-auto text-xs text-slate-500">
                {redactionSummary(preview.data.redactions)}
              </span>
            )}
          </div>
          {preview.isPending ? (
            <p className="flex items-center gap-2 text-sm text-slate-500">
              <Spinner label="Loading the preview" /> Preparing the note…
            </p>
          ) : preview.isError ? (
            <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200 ring-inset">
              Couldn't prepare the note: {psaErrorMessage(preview.error)}{" "}
              <Button variant="secondary" size="sm" onClick={() => void preview.refetch()}>
                Try again
              </Button>
            </div>
          ) : (
            <pre
              data-testid="psa-preview-text"
              tabIndex={0}
              className="max-h-72 overflow-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-xs whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200 ring-inset"
            >
              {preview.data.text}
            </pre>
          )}
        </section>
      </form>
    </Dialog>
  );
}
