/**
 * Fixes: the one being tried (proposed → verifying → applied with an outcome, or dismissed),
 * a form to propose one by hand, and the ones tried before with how they went.
 */
import { type FormEvent, useState } from "react";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, InputField, SelectField, TextareaField } from "@/components/ui/input";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import type { FixInput, FixPatch, PilotFix } from "../api/types";
import { FIX_STATUS_LABELS, OUTCOME_LABELS } from "../model/labels";

type Outcome = keyof typeof OUTCOME_LABELS;
const OUTCOME_TONES = { success: "green", failed: "red", partial: "amber", pending: "gray" } as const;

export function FixesPanel({
  fixes,
  canEdit,
  onAdd,
  onEdit,
}: {
  fixes: PilotFix[];
  canEdit: boolean;
  onAdd: (fix: FixInput) => Promise<unknown>;
  onEdit: (fixId: string, patch: FixPatch) => Promise<unknown>;
}) {
  const active = fixes.find((f) => f.status === "proposed" || f.status === "verifying") ?? null;
  const past = fixes.filter((f) => f !== active);
  return (
    <section aria-label="Fixes" className="rounded-lg bg-white ring-1 ring-slate-200">
      <h2 className="border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-900">Fixes</h2>
      <div className="space-y-3 px-4 py-3">
        {active ? (
          <ActiveFix key={active.id} fix={active} canEdit={canEdit} onEdit={(patch) => onEdit(active.id, patch)} />
        ) : (
          <p className="text-sm text-slate-500">No fix being tried. Accept one FlowPilot suggests, or propose your own.</p>
        )}
        {canEdit && <AddFix onAdd={onAdd} blockedBy={active?.title ?? null} />}
        {past.length > 0 && (
          <div>
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Tried before</h3>
            <ul className="mt-1 divide-y divide-slate-100" aria-label="Fix history">
              {past.map((f) => (
                <li key={f.id} data-testid="fix-history" data-status={f.status} className="flex flex-wrap items-center gap-2 py-1.5 text-sm">
                  <span className="min-w-0 flex-1 text-slate-800">{f.title}</span>
                  <Badge tone={f.status === "dismissed" ? "gray" : "indigo"}>{FIX_STATUS_LABELS[f.status]}</Badge>
                  {f.outcome && <Badge tone={OUTCOME_TONES[f.outcome]}>{OUTCOME_LABELS[f.outcome]}</Badge>}
                  {f.note && <span className="w-full text-xs text-slate-500">{f.note}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

function ActiveFix({ fix, canEdit, onEdit }: { fix: PilotFix; canEdit: boolean; onEdit: (patch: FixPatch) => Promise<unknown> }) {
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState<"verifying" | "applied" | "dismissed" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState(false);
  const problem = error ? toProblem(error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const outcomeError = (submitted && !outcome ? "Say how the fix went." : undefined) ?? server.outcome;

  async function move(status: "verifying" | "applied" | "dismissed", patch: FixPatch) {
    setBusy(status);
    setError(null);
    try {
      await onEdit(patch);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  function apply(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!outcome) return;
    void move("applied", { status: "applied", outcome, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <div data-testid="active-fix" data-status={fix.status} className="space-y-2 rounded-md bg-indigo-50/50 p-3 ring-1 ring-indigo-200">
      <div className="flex items-start gap-2">
        <h3 className="min-w-0 flex-1 text-sm font-semibold text-slate-900">{fix.title}</h3>
        <Badge tone={fix.status === "verifying" ? "amber" : "indigo"}>{FIX_STATUS_LABELS[fix.status]}</Badge>
      </div>
      {fix.instructions && <Markdown source={fix.instructions} />}
      {fix.command && (
        <pre className="overflow-x-auto rounded-md bg-slate-900 px-2.5 py-1.5 font-mono text-xs whitespace-pre text-emerald-300">{fix.command}</pre>
      )}
      {canEdit && (
        <form onSubmit={apply} noValidate className="space-y-2 border-t border-indigo-100 pt-2">
          <FormError message={problem ? formMessage(problem, ["outcome"]) : null} />
          <div className="grid gap-2 sm:grid-cols-2">
            <SelectField label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | "")} error={outcomeError}>
              <option value="">Choose…</option>
              {(Object.keys(OUTCOME_LABELS) as Outcome[]).map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_LABELS[o]}
                </option>
              ))}
            </SelectField>
            <InputField label="Fix note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} placeholder="Optional" />
          </div>
          <div className="flex flex-wrap gap-2">
            {fix.status === "proposed" && (
              <Button variant="secondary" loading={busy === "verifying"} disabled={busy !== null} onClick={() => void move("verifying", { status: "verifying" })}>
                Start verifying
              </Button>
            )}
            <Button type="submit" loading={busy === "applied"} disabled={busy !== null}>
              Mark applied
            </Button>
            <Button variant="ghost" loading={busy === "dismissed"} disabled={busy !== null} onClick={() => void move("dismissed", { status: "dismissed" })}>
              Dismiss
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

function AddFix({ onAdd, blockedBy }: { onAdd: (fix: FixInput) => Promise<unknown>; blockedBy: string | null }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [instructions, setInstructions] = useState("");
  const [command, setCommand] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState(false);
  const problem = error ? toProblem(error) : null;
  const server = problem ? fieldErrors(problem) : {};

  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Add a fix
      </Button>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!title.trim()) return;
    setPending(true);
    setError(null);
    try {
      await onAdd({ title: title.trim(), instructions: instructions.trim(), command: command.trim() || null });
      setTitle("");
      setInstructions("");
      setCommand("");
      setSubmitted(false);
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-2 rounded-md p-3 ring-1 ring-slate-200" aria-label="Propose a fix">
      <FormError message={problem ? formMessage(problem, ["title", "instructions", "command"]) : null} />
      {blockedBy && <p className="text-xs text-amber-700">“{blockedBy}” is still being tried; record its outcome or dismiss it first.</p>}
      <InputField
        label="Fix title"
        value={title}
        maxLength={300}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        error={(submitted && !title.trim() ? "Give the fix a title." : undefined) ?? server.title}
      />
      <TextareaField label="Fix instructions" rows={2} value={instructions} onChange={(e) => setInstructions(e.target.value)} error={server.instructions} hint="Optional. Markdown." />
      <InputField label="Fix command" value={command} maxLength={2000} onChange={(e) => setCommand(e.target.value)} error={server.command} className="[&_input]:font-mono" hint="Optional." />
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          Propose fix
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
