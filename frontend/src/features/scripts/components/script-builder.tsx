/**
 * "Describe what the script should do": a model's draft (linted, to review before running) that
 * opens in the script form; without a model, the closest scripts of the library.
 */
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { RiskBadge } from "@/components/scripts/risk-badge";
import { Button } from "@/components/ui/button";
import { Select, TextareaField } from "@/components/ui/input";
import { errorMessage } from "@/lib/problem";
import { LANGUAGE_LABELS, LANGUAGES, type Language, languageLabel } from "@/lib/scripts";
import { useDraftScript } from "../api/draft-script";

export function ScriptBuilder() {
  const [description, setDescription] = useState("");
  const [language, setLanguage] = useState<Language>("powershell");
  const draft = useDraftScript();
  const navigate = useNavigate();
  const out = draft.data;

  return (
    <section aria-label="Script builder" className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (description.trim().length >= 3) draft.mutate({ description: description.trim(), language });
        }}
      >
        <TextareaField label="Describe what the script should do" value={description} onChange={(e) => setDescription(e.target.value)} rows={2} placeholder="e.g. restart the print spooler on a server and show its status" />
        <div className="flex items-center gap-2">
          <Select aria-label="Language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_LABELS[l]}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" loading={draft.isPending} disabled={description.trim().length < 3}>
            Draft a script
          </Button>
        </div>
      </form>
      {draft.isError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(draft.error)}
        </p>
      )}
      {out && (
        <div className="space-y-2" aria-live="polite">
          <p className="text-sm text-slate-700">{out.message}</p>
          <p className="text-xs font-semibold text-amber-800" data-testid="review-note">
            {out.review_note}
          </p>
          {out.draft && (
            <div className="space-y-2 rounded border border-amber-200 bg-white p-2">
              <div className="flex items-center gap-2">
                <strong className="text-sm">{out.draft.title}</strong>
                <span className="text-xs text-slate-500">{languageLabel(out.draft.language)}</span>
                <RiskBadge risk={out.draft.risk} />
              </div>
              <pre className="max-h-64 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs text-slate-100" aria-label="Drafted script" tabIndex={0}>
                {out.draft.body}
              </pre>
              <p className="text-xs text-slate-500">{out.lint_note}</p>
              {(out.lint ?? []).length > 0 && (
                <ul aria-label="Lint findings" className="list-disc pl-5 text-xs text-amber-800">
                  {(out.lint ?? []).map((f, i) => (
                    <li key={i}>{f.line ? `Line ${f.line}: ${f.message}` : f.message}</li>
                  ))}
                </ul>
              )}
              <Button onClick={() => navigate("/scripts/new", { state: { draft: out.draft } })}>Review and save</Button>
            </div>
          )}
          {(out.matches ?? []).length > 0 && (
            <ul aria-label="Closest scripts" className="space-y-1">
              {(out.matches ?? []).map((m) => (
                <li key={m.id} className="flex items-center gap-2 text-sm">
                  <Link to={`/scripts/${m.id}`} className="font-medium text-indigo-700 hover:underline">
                    {m.title}
                  </Link>
                  <span className="text-xs text-slate-500">{languageLabel(m.language)}</span>
                  <RiskBadge risk={m.risk} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
