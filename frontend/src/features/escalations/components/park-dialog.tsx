/**
 * "Park…" in the runner header: hand the session to a person or a team without escalating (end
 * of shift) with a short note. No AI briefing is written; the session is paused until someone
 * picks it up, and resuming it takes it back.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useEscalationTargets } from "../api/list-targets";
import { useParkSession } from "../api/park-session";
import type { ParkInput } from "../api/types";
import { type HandoffTarget, HandoffTargetSelect, targetFields, targetName as nameOf } from "./handoff-target-select";

export const PARK_NOTE_MAX = 1000;

export function ParkDialog({ open, onClose, sessionId, title }: { open: boolean; onClose: () => void; sessionId: string; title: string }) {
  const park = useParkSession(sessionId);
  const targets = useEscalationTargets(open);
  const [note, setNote] = useState("");
  const [target, setTarget] = useState<HandoffTarget>("");
  const [local, setLocal] = useState<{ note?: string; target?: string }>({});

  function close() {
    park.reset();
    setNote("");
    setTarget("");
    setLocal({});
    onClose();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      target: target ? undefined : "Choose a person or a team to hand it to.",
      note: note.trim() ? undefined : "Leave a short note: where you got to and what's next.",
    };
    setLocal(problems);
    if (problems.target || problems.note) return;
    const body: ParkInput = { note: note.trim(), ...targetFields(target) };
    park.mutate(body);
  }

  const problem = park.error ? toProblem(park.error) : null;
  const errors = problem ? fieldErrors(problem) : {};
  const done = park.data;
  const targetName = nameOf(targets, target);

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Park session"
      description={`“${title}”`}
      size="lg"
      busy={park.isPending}
      footer={
        done ? (
          <Button onClick={close}>Done</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close} disabled={park.isPending}>
              Cancel
            </Button>
            <Button type="submit" form="park-form" loading={park.isPending}>
              Park
            </Button>
          </>
        )
      }
    >
      {done ? (
        <div role="status" data-testid="park-done" className="space-y-2">
          <p className="text-base font-semibold text-slate-900">Parked with {targetName ?? done.target_name ?? "your colleague"}</p>
          <p className="text-sm text-slate-600">
            The session is paused until they pick it up. Resume it yourself to take it back.
          </p>
        </div>
      ) : (
        <form id="park-form" onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={problem ? formMessage(problem, ["note", "target_user_id", "target_team_id"]) : null} />
          <p className="text-sm text-slate-600">
            Hand it on without escalating, e.g. at the end of your shift. No AI briefing is written; your notes and steps go along.
          </p>
          <HandoffTargetSelect
            label="Hand to"
            targets={targets}
            value={target}
            onChange={setTarget}
            required
            emptyLabel="Choose a person or a team…"
            error={local.target ?? errors.target_user_id ?? errors.target_team_id}
          />
          <TextareaField
            label="Note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={PARK_NOTE_MAX}
            required
            rows={3}
            placeholder="e.g. Waiting for the user to reboot; check the VPN log when they're back."
            hint={`${note.trim().length}/${PARK_NOTE_MAX}. Shown to them redacted, like an escalation reason.`}
            error={local.note ?? errors.note}
          />
        </form>
      )}
    </Dialog>
  );
}
