/**
 * Quick-create: paste what the user said, the triage pre-fills the ticket (each suggestion says
 * how sure it is), the engineer confirms, and the ticket is created in the PSA and a session
 * opened on it. The dialog's Idempotency-Key makes "Try again" after a timeout return the ticket
 * the first attempt created instead of a second one.
 */
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField, SelectField, TextareaField } from "@/components/ui/input";
import { useCreateTicket, useStartSession } from "../api/create-ticket";
import { useTicketOptions } from "../api/get-options";
import { useTriage } from "../api/triage";
import type { CreatedTicket, Guess, Triage } from "../api/types";
import { ticketErrorMessage } from "../model/errors";
import { confidenceLabel, EMPTY_FORM, formFromTriage, newIdempotencyKey, type TicketForm, ticketBody } from "../model/ticket-form";

function suggested(guess: Guess | null | undefined, source: Triage["source"] | undefined) {
  if (!guess) return undefined;
  return `Suggested${source === "model" ? " by the model" : ""}: ${guess.name ?? guess.id} (${confidenceLabel(guess.confidence)})`;
}

export function QuickCreateDialog({ onClose }: { onClose: () => void }) {
  const [key] = useState(newIdempotencyKey);
  const [step, setStep] = useState<"paste" | "form">("paste");
  const [text, setText] = useState("");
  const [form, setForm] = useState<TicketForm>(EMPTY_FORM);
  const [created, setCreated] = useState<CreatedTicket | null>(null);
  const triage = useTriage();
  const create = useCreateTicket(key);
  const start = useStartSession();
  const navigate = useNavigate();
  const options = useTicketOptions(form.board_id, step === "form");
  const t = triage.data;
  const busy = triage.isPending || create.isPending || start.isPending;
  const set = (k: keyof TicketForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function fill(e: FormEvent) {
    e.preventDefault();
    const answer = await triage.mutateAsync(text).catch(() => null);
    if (answer) {
      setForm(formFromTriage(answer));
      setStep("form");
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ticket = created ?? (await create.mutateAsync(ticketBody(form)).catch(() => null));
    if (!ticket) return;
    setCreated(ticket);
    const session = await start.mutateAsync({ ticketId: ticket.ticket_id, title: form.summary }).catch(() => null);
    if (session) navigate(`/sessions/${session.id}`);
  }

  const o = options.data;
  const contacts = (o?.contacts ?? []).filter((c) => !form.company_id || c.company_id === form.company_id);
  const error = create.error ?? start.error;
  return (
    <Dialog
      open
      onClose={onClose}
      busy={busy}
      size="lg"
      title="Quick-create a ticket"
      description={step === "paste" ? "Paste what the user said; the form is filled in for you to check." : "Check the ticket, then create it."}
    >
      {step === "paste" ? (
        <form onSubmit={fill} className="space-y-3">
          <TextareaField
            label="What the user said"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={8}
            required
            maxLength={20000}
          />
          <FormError message={triage.error ? ticketErrorMessage(triage.error) : null} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setStep("form")} disabled={busy}>
              Fill in by hand
            </Button>
            <Button type="submit" disabled={busy || !text.trim()}>
              {triage.isPending ? "Reading…" : "Fill the form"}
            </Button>
          </div>
        </form>
      ) : (
        <form onSubmit={submit} className="space-y-3">
          {t?.note && <p className="text-sm text-slate-600">{t.note}</p>}
          <InputField
            label="Summary"
            value={form.summary}
            onChange={set("summary")}
            required
            maxLength={100}
            hint={t ? `Suggested (${confidenceLabel(t.summary_confidence)})` : undefined}
          />
          <TextareaField label="Description" value={form.description} onChange={set("description")} rows={5} maxLength={8000} />
          {options.isError && <FormError message={ticketErrorMessage(options.error)} />}
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label="Company" value={form.company_id} onChange={set("company_id")} hint={suggested(t?.company, t?.source)}>
              <option value="">Choose…</option>
              {o?.companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Contact" value={form.contact_id} onChange={set("contact_id")} hint={suggested(t?.contact, t?.source)}>
              <option value="">None</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Board"
              value={form.board_id}
              onChange={(e) => setForm((f) => ({ ...f, board_id: e.target.value, type_id: "" }))}
              hint={suggested(t?.board, t?.source)}
            >
              <option value="">The PSA's default</option>
              {o?.boards.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Type" value={form.type_id} onChange={set("type_id")} hint={suggested(t?.type, t?.source)}>
              <option value="">None</option>
              {o?.types.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Priority" value={form.priority} onChange={set("priority")} hint={suggested(t?.priority, t?.source)}>
              <option value="">The PSA's default</option>
              {o?.priorities.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          </div>
          {created && start.isError && (
            <p className="text-sm text-slate-700">
              Ticket #{created.ticket_id} was created; starting the session failed. Try again to start it.
            </p>
          )}
          <FormError message={error ? ticketErrorMessage(error) : null} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy || !form.summary.trim()}>
              {busy ? "Creating…" : created ? "Start the session" : "Create ticket and start session"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
