/**
 * The triage header: what FlowPilot read from the intake (six fields, each editable in place —
 * the engineer's edit wins and is badged "edited"), how sure it is (a meter with the tier) and
 * which engine is answering, and the flow it matched.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/problem";
import type { PilotState, TriageField } from "../api/types";
import { percent, TIER_HINTS, TIER_LABELS, TRIAGE_FIELDS } from "../model/labels";

const TIER_TONES = { discovery: "amber", exploring: "indigo", guided: "green" } as const;
const BAR = { discovery: "bg-amber-500", exploring: "bg-indigo-500", guided: "bg-emerald-500" } as const;

export function ConfidenceMeter({ confidence, tier, model }: Pick<PilotState, "confidence" | "tier" | "model">) {
  const pct = percent(confidence);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <div
        role="meter"
        aria-label="Confidence"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% — ${TIER_LABELS[tier]}`}
        data-testid="pilot-confidence"
        className="h-2 w-28 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={cn("h-full rounded-full motion-safe:transition-[width]", BAR[tier])} style={{ width: `${pct}%` }} />
      </div>
      <span className="text-sm font-semibold text-slate-900 tabular-nums" data-testid="pilot-confidence-value">
        {pct}%
      </span>
      <span data-testid="pilot-tier" title={TIER_HINTS[tier]}>
        <Badge tone={TIER_TONES[tier]}>{TIER_LABELS[tier]}</Badge>
      </span>
      <span className="text-xs text-slate-500" data-testid="pilot-model">
        {model === "offline" ? "Offline engine" : model === "flow" ? "Following the flow" : model}
      </span>
    </div>
  );
}

export function TriageHeader({
  state,
  canEdit,
  saving,
  onSave,
}: {
  state: PilotState;
  canEdit: boolean;
  /** The field being saved, while it is in flight. */
  saving: TriageField | null;
  onSave: (field: TriageField, value: string) => Promise<unknown>;
}) {
  const edited = new Set(state.triage_edited);
  const matched = state.matched_flow;
  return (
    <section aria-label="Triage" className="rounded-lg bg-white ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-100 px-5 py-3">
        <h2 className="text-sm font-semibold text-slate-900">FlowPilot triage</h2>
        <span className="ml-auto" />
        <ConfidenceMeter confidence={state.confidence} tier={state.tier} model={state.model} />
      </div>
      {matched && (state.flow_decision === "proposed" || state.flow_decision === "accepted") && (
        <div
          data-testid="matched-flow"
          data-decision={state.flow_decision}
          className={cn(
            "flex flex-wrap items-center gap-2 border-b px-5 py-2 text-sm",
            state.flow_decision === "accepted" ? "border-emerald-100 bg-emerald-50 text-emerald-900" : "border-indigo-100 bg-indigo-50 text-indigo-900",
          )}
        >
          <span>{state.flow_decision === "accepted" ? "Following the flow" : "Matching flow"}</span>
          <Link to={`/flows/${matched.id}`} className="font-semibold underline-offset-2 hover:underline">
            {matched.title}
          </Link>
          <span className="text-xs opacity-75">match {percent(matched.score)}%</span>
          {state.flow_decision === "proposed" && <span className="text-xs">— answer below to follow it or not.</span>}
        </div>
      )}
      <dl className="grid gap-x-6 gap-y-1 px-5 py-3 sm:grid-cols-2">
        {TRIAGE_FIELDS.map(({ field, label, multiline }) => (
          <TriageRow
            key={field}
            field={field}
            label={label}
            wide={multiline}
            value={state.triage[field]}
            edited={edited.has(field)}
            canEdit={canEdit}
            saving={saving === field}
            onSave={(value) => onSave(field, value)}
          />
        ))}
      </dl>
    </section>
  );
}

function TriageRow({
  field,
  label,
  value,
  edited,
  canEdit,
  saving,
  wide,
  onSave,
}: {
  field: TriageField;
  label: string;
  value: string;
  edited: boolean;
  canEdit: boolean;
  saving: boolean;
  wide?: boolean;
  onSave: (value: string) => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const pencilRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (wasEditing.current) pencilRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  function start() {
    setDraft(value);
    setError(null);
    setEditing(true);
  }
  async function save() {
    if (draft.trim() === value.trim()) {
      setEditing(false);
      return;
    }
    try {
      await onSave(draft.trim());
      setEditing(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter") {
      e.preventDefault();
      void save();
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setEditing(false);
    }
  }

  return (
    <div className={cn("min-w-0 py-1", wide && "sm:col-span-2")} data-testid={`triage-${field}`}>
      <dt className="flex items-center gap-1.5 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        {label}
        {edited && <Badge tone="indigo">edited</Badge>}
      </dt>
      <dd className="mt-0.5">
        {editing ? (
          <div className="space-y-1">
            <div className="flex gap-1.5">
              <input
                ref={inputRef}
                aria-label={label}
                value={draft}
                maxLength={2000}
                disabled={saving}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={onKeyDown}
                aria-invalid={error ? true : undefined}
                className="block w-full rounded-md border-0 px-2 py-1 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none"
              />
              <Button size="sm" onClick={() => void save()} loading={saving}>
                Save
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)} disabled={saving}>
                Cancel
              </Button>
            </div>
            <p className="text-xs text-slate-500">Enter saves, Esc cancels.</p>
            {error && (
              <p role="alert" className="text-xs text-red-600">
                {error}
              </p>
            )}
          </div>
        ) : (
          <div className="group flex items-start gap-1.5">
            <span className={cn("min-w-0 flex-1 text-sm break-words", value ? "text-slate-800" : "text-slate-400")}>{value || "—"}</span>
            {canEdit && (
              <button
                ref={pencilRef}
                type="button"
                onClick={start}
                aria-label={`Edit ${label}`}
                title={`Edit ${label.toLowerCase()}`}
                className="shrink-0 rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                <span aria-hidden="true">✎</span>
              </button>
            )}
          </div>
        )}
      </dd>
    </div>
  );
}
