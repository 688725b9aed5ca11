/**
 * Fill a script's parameters, see the rendered script and copy it. Rendering goes through the API,
 * which checks and quotes every value for the script's language; with a session, the render is
 * recorded on its timeline ("Ran script …", secrets masked). Used on the Scripts page and on an
 * action node in the session runner.
 */
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { copyText } from "@/lib/clipboard";
import { errorMessage } from "@/lib/problem";
import { initialValues, languageLabel, type ParamValues, type Script, useRenderScript, valueErrors } from "@/lib/scripts";
import { RiskBadge } from "./risk-badge";

interface Props {
  script: Script;
  /** Record the run on this session's timeline. */
  sessionId?: string;
  /** Known values by parameter name (a session's captured variables, a target's fields). */
  known?: Record<string, string>;
  title?: string;
}

export function ScriptRunPanel({ script, sessionId, known, title }: Props) {
  const [values, setValues] = useState<ParamValues>(() => initialValues(script.params, known));
  const [rendered, setRendered] = useState<string | null>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const render = useRenderScript(script.id, sessionId);
  const errors = render.isError ? valueErrors(render.error) : {};
  const unnamed = render.isError && Object.keys(errors).length === 0 ? errorMessage(render.error) : null;

  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setCopied("idle");
    setRendered(null);
  };

  async function run(copy: boolean) {
    setCopied("idle");
    const out = await render.mutateAsync(values).catch(() => null);
    if (!out) return;
    setRendered(out.script);
    if (copy) setCopied((await copyText(out.script)) ? "copied" : "failed");
  }

  return (
    <section aria-label={title ?? `Run ${script.title}`} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" data-testid="script-run-panel">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{title ?? script.title}</h3>
        <span className="text-xs text-slate-500">{languageLabel(script.language)}</span>
        <RiskBadge risk={script.risk} />
      </div>
      {script.risk === "destructive" && (
        <p role="note" className="text-xs font-medium text-red-700">
          This script deletes or overwrites data. Check every value before you run it.
        </p>
      )}
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        {script.params.map((p) => (
          <ParamInput key={p.name} param={p} value={values[p.name] ?? ""} error={errors[p.name]} onChange={(v) => set(p.name, v)} />
        ))}
        {unnamed && (
          <p role="alert" className="text-xs text-red-700">
            {unnamed}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" loading={render.isPending}>
            Copy
          </Button>
          <Button type="button" variant="secondary" disabled={render.isPending} onClick={() => void run(false)}>
            Show script
          </Button>
          <span aria-live="polite" className="text-xs text-slate-600" data-testid="copy-status">
            {copied === "copied" ? "Copied" : copied === "failed" ? "Couldn't copy: select the script and copy it yourself" : ""}
          </span>
        </div>
      </form>
      {rendered !== null && (
        <pre aria-label="Rendered script" data-testid="rendered-script" tabIndex={0} className="max-h-64 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap text-slate-100">
          {rendered}
        </pre>
      )}
      {sessionId && <p className="text-xs text-slate-500">Copying records “Ran script” on this session's timeline; secret values are masked. Paste the output back as command output.</p>}
    </section>
  );
}

function ParamInput({
  param,
  value,
  error,
  onChange,
}: {
  param: Script["params"][number];
  value: string | boolean;
  error?: string;
  onChange: (v: string | boolean) => void;
}) {
  const id = useId();
  const describedBy = [param.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const label = `${param.name}${param.required ? " (required)" : ""}`;
  return (
    <div className="space-y-0.5">
      {param.type === "bool" ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy} />
          {label}
        </label>
      ) : (
        <>
          <label htmlFor={id} className="block text-xs font-medium text-slate-700">
            {label}
          </label>
          {param.type === "choice" ? (
            <Select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={Boolean(error)}>
              <option value="">Choose…</option>
              {(param.choices ?? []).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              id={id}
              type={param.type === "secret" ? "password" : "text"}
              inputMode={param.type === "int" ? "numeric" : undefined}
              autoComplete="off"
              value={String(value)}
              onChange={(e) => onChange(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={Boolean(error)}
              className="w-full font-mono"
            />
          )}
        </>
      )}
      {param.help && (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {param.help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
