/**
 * Where each client's PSA note goes when the batch completes: a ticket per client, editable while
 * the batch runs; afterwards what happened to each note (queued, or skipped and why).
 */
import { type FormEvent, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useSetClientTickets } from "../api/set-client-tickets";
import type { Batch } from "../api/types";

export function clientsOf(batch: Pick<Batch, "items">): string[] {
  return [...new Set(batch.items.map((i) => i.client).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

export function ClientTickets({ batch, canEdit }: { batch: Batch; canEdit: boolean }) {
  const headingId = useId();
  const clients = clientsOf(batch);
  const save = useSetClientTickets(batch.id);
  const toast = useToast();
  const [tickets, setTickets] = useState<Record<string, string>>(() => ({ ...batch.client_tickets }));
  const running = batch.status === "running";
  const editable = canEdit && running;
  const errors = save.error ? fieldErrors(toProblem(save.error)) : {};
  if (clients.length === 0) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = Object.fromEntries(clients.map((c) => [c, (tickets[c] ?? "").trim()]).filter(([, t]) => t !== ""));
    save.mutate(body, { onSuccess: () => toast.show("PSA tickets saved.") });
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id={headingId} className="text-sm font-semibold text-slate-900">
        PSA notes per client
      </h2>
      <p className="mt-0.5 text-xs text-slate-500">
        When the batch completes, each client with a ticket gets one redacted note on it. {running ? "" : "The batch has finished."}
      </p>
      <form onSubmit={submit} className="mt-3 space-y-3" noValidate>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {clients.map((c) => {
            const note = batch.psa_notes[c];
            return (
              <div key={c} className="space-y-1" data-testid="client-ticket" data-client={c}>
                <InputField
                  label={`${c} ticket`}
                  value={tickets[c] ?? ""}
                  onChange={(e) => setTickets((t) => ({ ...t, [c]: e.target.value }))}
                  disabled={!editable}
                  maxLength={100}
                  placeholder="No note"
                  error={errors[c]}
                />
                {note && (
                  <p className="text-xs text-slate-600" data-testid="client-note">
                    <Badge tone={note.state === "queued" ? "green" : "gray"}>{note.state === "queued" ? "Note queued" : "No note"}</Badge>{" "}
                    {note.state === "queued" ? `on ticket ${note.ticket_id ?? ""}` : (note.reason ?? "")}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <FormError message={save.error ? errorMessage(save.error, clients) : null} />
        {editable && (
          <Button type="submit" variant="secondary" size="sm" loading={save.isPending}>
            Save tickets
          </Button>
        )}
      </form>
    </section>
  );
}
