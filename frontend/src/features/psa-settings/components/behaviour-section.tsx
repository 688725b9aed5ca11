/** "Behaviour": what is pushed to the PSA by itself when a session is resolved or escalated. */
import { type ReactNode, useId } from "react";
import { SelectField } from "@/components/ui/input";
import type { NoteType } from "../api/get-psa-settings";
import type { PsaProviderInfo } from "../api/list-psa-providers";
import { NOTE_TYPES, type PsaDraft } from "../model/settings-form";
import { StatusMappingEditor } from "./status-mapping-editor";

export function BehaviourSection({
  provider,
  draft,
  errors,
  onChange,
}: {
  provider: PsaProviderInfo;
  draft: PsaDraft;
  errors: Record<string, string>;
  onChange: (patch: Partial<PsaDraft>) => void;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <div className="space-y-0.5">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Behaviour
        </h2>
        <p className="text-xs text-slate-500">
          What is sent to the ticket by itself. Engineers can always push a note by hand from a session; notes are redacted first.
        </p>
      </div>

      <div className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
        <Checkbox
          label="Push a note when a session is resolved"
          checked={draft.pushOnResolve}
          onChange={(v) => onChange({ pushOnResolve: v })}
          error={errors.push_on_resolve}
        />
        <fieldset disabled={!draft.pushOnResolve} className="space-y-3 pl-6 disabled:opacity-60">
          <legend className="sr-only">When a session is resolved</legend>
          <NoteTypeSelect label="Note type on resolve" value={draft.resolveNoteType} onChange={(v) => onChange({ resolveNoteType: v })} error={errors.resolve_note_type} />
          {provider.supports_time_entries && (
            <Checkbox
              label="Add a time entry on resolve"
              hint="The session's active time, recorded for the engineer's mapped PSA member."
              checked={draft.timeEntryOnResolve}
              onChange={(v) => onChange({ timeEntryOnResolve: v })}
              error={errors.time_entry_on_resolve}
            />
          )}
          {provider.supports_status && (
            <StatusMappingEditor
              legend="Ticket status on resolve"
              when="on resolve"
              rows={draft.statusOnResolve}
              serverError={errors.status_on_resolve}
              onChange={(rows) => onChange({ statusOnResolve: rows })}
            />
          )}
          {provider.supports_status && (
            <Checkbox
              label="Sessions resolved with a workaround set their own status"
              hint="Off: a workaround sets the same status as a resolved session."
              checked={draft.workaroundOwnStatus}
              onChange={(v) => onChange({ workaroundOwnStatus: v })}
            />
          )}
          {provider.supports_status && draft.workaroundOwnStatus && (
            <StatusMappingEditor
              legend="Ticket status on a workaround"
              when="on a workaround"
              rows={draft.statusOnWorkaround}
              serverError={errors.status_on_workaround}
              onChange={(rows) => onChange({ statusOnWorkaround: rows })}
            />
          )}
        </fieldset>
      </div>

      <div className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
        <Checkbox
          label="Push a note when a session is escalated"
          checked={draft.pushOnEscalate}
          onChange={(v) => onChange({ pushOnEscalate: v })}
          error={errors.push_on_escalate}
        />
        <fieldset disabled={!draft.pushOnEscalate} className="space-y-3 pl-6 disabled:opacity-60">
          <legend className="sr-only">When a session is escalated</legend>
          <NoteTypeSelect label="Note type on escalate" value={draft.escalateNoteType} onChange={(v) => onChange({ escalateNoteType: v })} error={errors.escalate_note_type} />
          {provider.supports_status && (
            <StatusMappingEditor
              legend="Ticket status on escalate"
              when="on escalate"
              rows={draft.statusOnEscalate}
              serverError={errors.status_on_escalate}
              onChange={(rows) => onChange({ statusOnEscalate: rows })}
            />
          )}
        </fieldset>
      </div>
    </section>
  );
}

function NoteTypeSelect({ label, value, error, onChange }: { label: string; value: NoteType; error?: string; onChange: (v: NoteType) => void }) {
  return (
    <SelectField label={label} className="max-w-xs" value={value} onChange={(e) => onChange(e.target.value as NoteType)} error={error}>
      {NOTE_TYPES.map((t) => (
        <option key={t.value} value={t.value}>
          {t.label}
        </option>
      ))}
    </SelectField>
  );
}

function Checkbox({
  label,
  hint,
  checked,
  error,
  onChange,
}: {
  label: string;
  hint?: ReactNode;
  checked: boolean;
  error?: string;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className="mt-0.5 size-4 accent-indigo-600"
      />
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="text-xs text-red-600">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
