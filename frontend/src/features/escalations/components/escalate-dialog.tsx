/**
 * "Escalate…" in the runner header: reason, priority, and optionally a person or a team. The
 * request can take up to ~5 s while the AI writes the briefing, so the dialog says so; then it
 * says who was told.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { Spinner } from "@/components/ui/spinner";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useEscalateSession } from "../api/escalate-session";
import { useEscalationTargets } from "../api/list-targets";
import type { EscalateInput, Handoff, Priority } from "../api/types";
import { PRIORITY_LABELS } from "../model/handoff";
import { type HandoffTarget, HandoffTargetSelect, targetFields, targetName as nameOf } from "./handoff-target-select";

const PRIORITY_HINTS: Record<Priority, string> = {
  low: "When someone has time",
  medium: "Today",
  high: "The user is blocked",
  urgent: "Several users or a client down",
};

export function EscalateDialog({ open, onClose, sessionId, title }: { open: boolean; onClose: () => void; sessionId: string; title: string }) {
  const escalate = useEscalateSession(sessionId);
  const targets = useEscalationTargets(open);
  const [reason, setReason] = useState("");
  const [priority, setPriority] = useState<Priority>("medium");
  const [target, setTarget] = useState<HandoffTarget>("");
  const [localError, setLocalError] = useState<string | null>(null);

  function close() {
    escalate.reset();
    setReason("");
    setPriority("medium");
    setTarget("");
    setLocalError(null);
    onClose();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setLocalError("Say why you're escalating (at least 3 characters).");
      return;
    }
    setLocalError(null);
    const body: EscalateInput = { reason: reason.trim(), priority, ...targetFields(target) };
    escalate.mutate(body);
  }

  const problem = escalate.error ? toProblem(escalate.error) : null;
  const errors = problem ? fieldErrors(problem) : {};
  const targetError = errors.target_user_id ?? errors.target_team_id;
  const done = escalate.data;
  const targetName = nameOf(targets, target);

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Escalate session"
      description={`“${title}”`}
      size="lg"
      busy={escalate.isPending}
      footer={
        done ? (
          <Button onClick={close}>Done</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close} disabled={escalate.isPending}>
              Cancel
            </Button>
            <Button type="submit" form="escalate-form" loading={escalate.isPending}>
              Escalate
            </Button>
          </>
        )
      }
    >
      {done ? (
        <EscalatedNotice handoff={done} targetName={targetName} />
      ) : escalate.isPending ? (
        <div role="status" data-testid="escalate-progress" className="flex flex-col items-center gap-3 py-8 text-center">
          <Spinner label="Escalating" className="[&>svg]:size-6" />
          <p className="text-sm font-medium text-slate-900">Writing the briefing…</p>
          <p className="max-w-sm text-sm text-slate-500">
            The AI is summarising what's been tried and what it thinks is wrong. This can take a few seconds.
          </p>
        </div>
      ) : (
        <form id="escalate-form" onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={localError ?? (problem ? formMessage(problem, ["reason", "priority", "target_user_id", "target_team_id"]) : null)} />
          <TextareaField
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={5000}
            required
            rows={4}
            placeholder="e.g. Out of ideas after the DNS checks; the user is blocked."
            hint="What you need from the person picking it up. Your notes and steps go along automatically."
            error={errors.reason}
          />
          <RadioCards<Priority>
            legend="Priority"
            name="escalate-priority"
            value={priority}
            onChange={setPriority}
            options={(["low", "medium", "high", "urgent"] as const).map((p) => ({ value: p, label: PRIORITY_LABELS[p], description: PRIORITY_HINTS[p] }))}
          />
          <HandoffTargetSelect
            label="Send to"
            targets={targets}
            value={target}
            onChange={setTarget}
            emptyLabel="Anyone on my teams"
            hint="Without a choice, your teammates (or the team admins) are told."
            error={targetError}
          />
        </form>
      )}
    </Dialog>
  );
}

/** Who was told, from the server's count: "Alex was notified", "3 people were notified (Service Desk)". */
export function escalatedText(n: number, targetName: string | undefined): string {
  if (n === 0) return "nobody could be notified (no one else in your teams or the account's team admins); it waits in the queue";
  if (targetName && n === 1) return `${targetName} was notified`;
  return `${n} ${n === 1 ? "person was" : "people were"} notified${targetName ? ` (${targetName})` : ""}`;
}

function EscalatedNotice({ handoff, targetName }: { handoff: Handoff; targetName: string | undefined }) {
  const who = escalatedText(handoff.notified_count, targetName);
  return (
    <div role="status" data-testid="escalate-done" className="space-y-2">
      <p className="text-base font-semibold text-slate-900">Escalated — {who}</p>
      <p className="text-sm text-slate-600">
        The session waits for pickup. Whoever picks it up sees your notes, the recent steps and the AI briefing first.
      </p>
      <p data-testid="escalate-assessment-status" className="text-sm text-slate-500">
        {handoff.assessment_status === "ready"
          ? "The AI briefing is ready."
          : handoff.assessment_status === "pending"
            ? "The AI briefing is still being written; it appears on the handoff when it's done."
            : "The AI briefing couldn't be written; your notes and steps went along anyway."}
      </p>
    </div>
  );
}
