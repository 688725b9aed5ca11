/**
 * The script form: title, language, risk, body with {{placeholders}}, and the parameter editor
 * (name, type, required, default, pattern, choices, help). Problems show while typing, by the
 * same rules the server applies; the server's own 422 is shown too.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField, SelectField, TextareaField } from "@/components/ui/input";
import { errorMessage } from "@/lib/problem";
import { LANGUAGE_LABELS, LANGUAGES, type Language, PARAM_TYPE_LABELS, PARAM_TYPES, type ParamType, type Risk, RISK_LABELS, RISKS, type ScriptCreate } from "@/lib/scripts";
import { bodyOf, emptyParam, hasProblems, type ParamRow, problemsOf, type ScriptForm as Form, withMissingParams } from "../model/script-form";

interface Props {
  initial: Form;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: ScriptCreate) => void;
  onCancel: () => void;
}

export function ScriptForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [form, setForm] = useState<Form>(initial);
  const [tried, setTried] = useState(false);
  const problems = problemsOf(form);
  // Live messages for what the person has touched; everything once they try to save.
  const show = tried || form !== initial;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setParam = (key: number, change: Partial<ParamRow>) =>
    setForm((f) => ({ ...f, params: f.params.map((p) => (p.key === key ? { ...p, ...change } : p)) }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!hasProblems(problems)) onSubmit(bodyOf(form));
  }

  return (
    <form onSubmit={submit} className="max-w-4xl space-y-4" noValidate>
      <FormError message={error ? errorMessage(error) : null} />
      <div className="grid gap-3 sm:grid-cols-3">
        <InputField label="Title" value={form.title} onChange={(e) => set("title", e.target.value)} error={show ? problems.title : undefined} className="sm:col-span-3" />
        <SelectField label="Language" value={form.language} onChange={(e) => set("language", e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_LABELS[l]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Risk" value={form.risk} onChange={(e) => set("risk", e.target.value as Risk)}>
          {RISKS.map((r) => (
            <option key={r} value={r}>
              {RISK_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <InputField label="Tags" hint="Separated by commas" value={form.tags} onChange={(e) => set("tags", e.target.value)} />
      </div>
      <TextareaField
        label="Script"
        hint="Write {{name}} where a value goes. Each becomes one complete, quoted value: don't put it inside quotes."
        value={form.body}
        rows={8}
        className="font-mono"
        spellCheck={false}
        onChange={(e) => set("body", e.target.value)}
        error={show ? problems.body : undefined}
      />
      <TextareaField label="Description" value={form.description} rows={2} onChange={(e) => set("description", e.target.value)} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Parameters</legend>
        {form.params.length === 0 && <p className="text-xs text-slate-500">No parameters. Use {"{{name}}"} in the script, then add them here.</p>}
        {form.params.map((p, i) => {
          const e = show ? (problems.params[p.key] ?? {}) : {};
          return (
            <div key={p.key} role="group" aria-label={`Parameter ${i + 1}${p.name ? `: ${p.name}` : ""}`} className="grid gap-2 rounded border border-slate-200 p-2 sm:grid-cols-6">
              <InputField label="Name" value={p.name} className="font-mono sm:col-span-2" onChange={(ev) => setParam(p.key, { name: ev.target.value })} error={e.name} />
              <SelectField label="Type" value={p.type} onChange={(ev) => setParam(p.key, { type: ev.target.value as ParamType, ...(ev.target.value === "secret" ? { default: "" } : {}) })}>
                {PARAM_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {PARAM_TYPE_LABELS[t]}
                  </option>
                ))}
              </SelectField>
              <label className="flex items-end gap-2 pb-2 text-sm text-slate-700">
                <input type="checkbox" checked={p.required} onChange={(ev) => setParam(p.key, { required: ev.target.checked })} />
                Required
              </label>
              <InputField label="Default" value={p.default} disabled={p.type === "secret"} hint={p.type === "secret" ? "Secrets have no default" : undefined} onChange={(ev) => setParam(p.key, { default: ev.target.value })} error={e.default} className="sm:col-span-2" />
              <InputField label="Pattern" hint="A regular expression the whole value must match" value={p.pattern} className="font-mono sm:col-span-2" onChange={(ev) => setParam(p.key, { pattern: ev.target.value })} error={e.pattern} />
              {p.type === "choice" && <InputField label="Choices" hint="Separated by commas" value={p.choices} className="sm:col-span-2" onChange={(ev) => setParam(p.key, { choices: ev.target.value })} error={e.choices} />}
              <InputField label="Help" value={p.help} className="sm:col-span-2" onChange={(ev) => setParam(p.key, { help: ev.target.value })} />
              <div className="flex items-end">
                <Button variant="ghost" size="sm" aria-label={`Remove parameter ${p.name || i + 1}`} onClick={() => set("params", form.params.filter((x) => x.key !== p.key))}>
                  Remove
                </Button>
              </div>
            </div>
          );
        })}
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={() => set("params", [...form.params, emptyParam()])}>
            Add parameter
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setForm(withMissingParams(form))}>
            Add parameters for the script's placeholders
          </Button>
        </div>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {tried && hasProblems(problems) && (
        <p role="alert" className="text-sm text-red-700">
          Please correct the highlighted fields.
        </p>
      )}
    </form>
  );
}

