/**
 * "What we know": the facts FlowPilot proposed (Confirm / Edit / Delete) and the ones the
 * engineer stated. Deleted facts stay on record, folded away under "Deleted (n)".
 */
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/problem";
import type { FactPatch, PilotFact } from "../api/types";

export function FactsPanel({
  facts,
  canEdit,
  onAdd,
  onEdit,
}: {
  facts: PilotFact[];
  canEdit: boolean;
  onAdd: (text: string) => Promise<unknown>;
  onEdit: (factId: string, patch: FactPatch) => Promise<unknown>;
}) {
  const live = facts.filter((f) => f.status !== "deleted");
  const deleted = facts.filter((f) => f.status === "deleted");
  const proposed = live.filter((f) => f.status === "proposed").length;
  return (
    <section aria-label="What we know" className="rounded-lg bg-white ring-1 ring-slate-200">
      <h2 className="flex items-center gap-2 border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-900">
        What we know
        {proposed > 0 && <Badge tone="amber">{proposed} to confirm</Badge>}
      </h2>
      <div className="space-y-3 px-4 py-3">
        {live.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing yet. Answers and results become facts here; confirm the ones that hold.</p>
        ) : (
          <ul className="space-y-1.5" aria-label="Facts">
            {live.map((f) => (
              <FactRow key={f.id} fact={f} canEdit={canEdit} onEdit={(patch) => onEdit(f.id, patch)} />
            ))}
          </ul>
        )}
        {deleted.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer text-xs font-medium text-slate-500 hover:text-slate-800">Deleted ({deleted.length})</summary>
            <ul className="mt-1 space-y-1" aria-label="Deleted facts">
              {deleted.map((f) => (
                <li key={f.id} data-testid="fact" data-status="deleted" className="px-2 text-slate-400 line-through">
                  {f.text}
                </li>
              ))}
            </ul>
          </details>
        )}
        {canEdit && <AddFact onAdd={onAdd} />}
      </div>
    </section>
  );
}

function FactRow({ fact, canEdit, onEdit }: { fact: PilotFact; canEdit: boolean; onEdit: (patch: FactPatch) => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(fact.text);
  const [busy, setBusy] = useState<"confirm" | "delete" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(kind: "confirm" | "delete" | "save", patch: FactPatch) {
    setBusy(kind);
    setError(null);
    try {
      await onEdit(patch);
      setEditing(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }
  function save(e?: FormEvent) {
    e?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    if (text === fact.text) {
      setEditing(false);
      return;
    }
    void run("save", { text });
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setEditing(false);
    }
  }

  const proposed = fact.status === "proposed";
  return (
    <li
      data-testid="fact"
      data-status={fact.status}
      className={cn("rounded-md px-2 py-1.5 ring-1 ring-inset", proposed ? "bg-amber-50/60 ring-amber-200" : "ring-transparent")}
    >
      {editing ? (
        <form onSubmit={save} className="flex gap-1.5">
          <input
            aria-label="Fact"
            value={draft}
            maxLength={2000}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            className="block w-full rounded-md border-0 px-2 py-1 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none"
          />
          <Button size="sm" type="submit" loading={busy === "save"} disabled={!draft.trim()}>
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex items-start gap-2">
          <span className="min-w-0 flex-1 text-sm text-slate-800">{fact.text}</span>
          <span className="shrink-0 text-[11px] text-slate-500">{proposed ? "Proposed" : fact.origin === "engineer" ? "You said" : "Confirmed"}</span>
          {canEdit && (
            <span className="flex shrink-0 gap-1">
              {proposed && (
                <Button size="sm" variant="secondary" loading={busy === "confirm"} onClick={() => void run("confirm", { status: "confirmed" })}>
                  Confirm
                </Button>
              )}
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setDraft(fact.text);
                  setEditing(true);
                }}
              >
                Edit
              </Button>
              <Button size="sm" variant="ghost" loading={busy === "delete"} onClick={() => void run("delete", { status: "deleted" })}>
                Delete
              </Button>
            </span>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
    </li>
  );
}

function AddFact({ onAdd }: { onAdd: (text: string) => Promise<unknown> }) {
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    setPending(true);
    setError(null);
    try {
      await onAdd(value);
      setText("");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-1">
      <div className="flex gap-1.5">
        <input
          aria-label="New fact"
          placeholder="Add something you know, e.g. “Other users connect fine”"
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && text) {
              e.preventDefault();
              setText("");
            }
          }}
          className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
        />
        <Button type="submit" size="md" variant="secondary" loading={pending} disabled={!text.trim()}>
          Add fact
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}
