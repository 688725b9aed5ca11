/**
 * Creating or editing a step. The browser checks what it can; the server's 422 shows next to the
 * field it names, and a 409 (someone saved the step since the form opened) says so and offers
 * to reload it.
 */
import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, Input, InputField, SelectField, TextareaField } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { useCurrentUser } from "@/lib/current-user";
import { ApiError, errorMessage, toProblem } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import { type LibraryStepCreate, STEP_KIND_LABELS, STEP_KINDS, type StepKind } from "@/lib/steps";
import { useStepFacets } from "../api/get-step-facets";
import { useTeams } from "../api/list-teams";
import { bodyFor, FORM_FIELDS, serverFieldErrors, type StepFormValues, validateForm } from "../model/step-form";

const KIND_HINTS: Record<StepKind, string> = {
  question: "Asks something; each answer leads somewhere else in a flow.",
  action: "Something to do, with one next step.",
  check: "Something to verify before going on.",
  script_ref: "Runs a script from your script library.",
};

export function StepForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  onReload,
}: {
  initial: StepFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: LibraryStepCreate) => void;
  onCancel: () => void;
  /** Offered when the server says someone else saved the step in between (409). */
  onReload?: () => void;
}) {
  const [v, setV] = useState<StepFormValues>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState(false);
  const facets = useStepFacets();
  const teams = useTeams();
  const me = useCurrentUser().data;
  const ids = useId();

  const problem = error ? toProblem(error) : null;
  const conflict = error instanceof ApiError && error.status === 409;
  const server = problem && problem.status === 422 ? serverFieldErrors(problem.errors) : {};
  const errors: Record<string, string> = { ...server, ...local };
  const unshown = Object.keys(server).filter((k) => !(FORM_FIELDS as readonly string[]).includes(k));
  const topMessage =
    problem && !conflict
      ? problem.status === 422 && Object.keys(server).length > 0
        ? unshown.length > 0
          ? unshown.map((k) => server[k]).join(" ")
          : "Please correct the highlighted fields."
        : errorMessage(error)
      : null;

  // A refusal from the server moves focus to the first field it names, as the browser's own checks do.
  useEffect(() => {
    const first = FORM_FIELDS.find((f) => server[f]);
    if (first) document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
    // Only when a new error arrives.
  }, [error]);

  const set = <K extends keyof StepFormValues>(key: K, value: StepFormValues[K]) => {
    const next = { ...v, [key]: value };
    setV(next);
    // Once sent, the browser's own checks follow the typing, so a fixed field clears its error.
    if (submitted) setLocal(validateForm(next));
  };

  // An engineer may give the step only to a team they are in; admins to any.
  const allTeams = teams.data?.items ?? [];
  const mayGiveAny = hasRole(me?.role, "team_admin");
  const myTeamIds = new Set((me?.teams ?? []).map((t) => t.id));
  const teamChoices = mayGiveAny ? allTeams : allTeams.filter((t) => myTeamIds.has(t.id) || t.id === initial.teamId);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const found = validateForm(v);
    setLocal(found);
    if (Object.keys(found).length > 0) {
      const first = FORM_FIELDS.find((f) => found[f]);
      document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    onSubmit(bodyFor(v));
  }

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-5" noValidate aria-label="Step">
      {conflict && (
        <div role="alert" className="space-y-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          <p className="font-medium">Someone changed this step while you were editing it.</p>
          <p>
            Your changes were not saved. Reload to see their version (your edits here are replaced), then apply your change again.
          </p>
          {onReload && (
            <Button variant="secondary" size="sm" onClick={onReload}>
              Reload the step
            </Button>
          )}
        </div>
      )}
      <FormError message={topMessage} />
      <InputField
        label="Title"
        required
        data-field="title"
        value={v.title}
        maxLength={200}
        error={errors.title}
        onChange={(e) => set("title", e.target.value)}
        placeholder="e.g. Clear the Outlook credential from Credential Manager"
      />
      <SelectField label="Kind" data-field="kind" value={v.kind} error={errors.kind} hint={KIND_HINTS[v.kind]} onChange={(e) => set("kind", e.target.value as StepKind)}>
        {STEP_KINDS.map((k) => (
          <option key={k} value={k}>
            {STEP_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      {v.kind === "question" && <AnswersEditor answers={v.answers} error={errors.answers} onChange={(a) => set("answers", a)} />}
      {v.kind === "script_ref" && (
        <InputField
          label="Script"
          required
          data-field="script_ref"
          value={v.scriptRef}
          maxLength={200}
          error={errors.script_ref}
          hint="The name of the script template this step runs."
          onChange={(e) => set("scriptRef", e.target.value)}
        />
      )}
      <TextareaField
        label="Body"
        data-field="body"
        rows={8}
        value={v.body}
        maxLength={20000}
        error={errors.body}
        hint={
          <>
            Markdown. <code>{"{{variable}}"}</code> placeholders are filled in from the session when the step runs in a flow.
          </>
        }
        className="[&_textarea]:font-mono [&_textarea]:text-xs"
        onChange={(e) => set("body", e.target.value)}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField
          label="Tags"
          data-field="tags"
          value={v.tags}
          list={`${ids}-tags`}
          error={errors.tags}
          hint="Separate with commas."
          onChange={(e) => set("tags", e.target.value)}
        />
        <datalist id={`${ids}-tags`}>
          {facets.data?.tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <InputField
          label="Category"
          data-field="category"
          value={v.category}
          list={`${ids}-categories`}
          maxLength={100}
          error={errors.category}
          onChange={(e) => set("category", e.target.value)}
        />
        <datalist id={`${ids}-categories`}>
          {facets.data?.categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <SelectField
          label="Owner team"
          data-field="team_id"
          value={v.teamId}
          error={errors.team_id}
          hint={teams.isError ? "Teams couldn't be loaded." : "Its team admins edit it and close its flags."}
          onChange={(e) => set("teamId", e.target.value)}
        >
          <option value="">Whole account</option>
          {teamChoices.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function AnswersEditor({ answers, error, onChange }: { answers: string[]; error?: string; onChange: (a: string[]) => void }) {
  const errorId = useId();
  return (
    <fieldset className="space-y-1.5" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-700">Answers</legend>
      <p className="text-xs text-slate-500">At least two, all different. In a flow each answer becomes a branch.</p>
      <ol className="space-y-1">
        {answers.map((a, i) => (
          <li key={i} className="flex items-center gap-1">
            <Input
              aria-label={`Answer ${i + 1}`}
              data-field={i === 0 ? "answers" : undefined}
              value={a}
              maxLength={200}
              className={cn("min-w-0 flex-1", error && "ring-red-400")}
              onChange={(e) => onChange(answers.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <Button variant="ghost" size="sm" aria-label={`Remove answer ${i + 1}`} onClick={() => onChange(answers.filter((_, j) => j !== i))}>
              ✕
            </Button>
          </li>
        ))}
      </ol>
      <Button variant="secondary" size="sm" onClick={() => onChange([...answers, ""])} disabled={answers.length >= 20}>
        Add answer
      </Button>
      {error && (
        <p id={errorId} className="text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}

