/**
 * The create/edit form's values, the body they become, what the browser can check before
 * sending (the server checks again), and where a 422's field errors belong.
 */
import type { LibraryStep, LibraryStepCreate, StepKind } from "@/lib/steps";

export interface StepFormValues {
  title: string;
  body: string;
  kind: StepKind;
  answers: string[];
  tags: string;
  category: string;
  teamId: string;
  scriptRef: string;
}

/** Fields that show their own error next to the input. */
export const FORM_FIELDS = ["title", "body", "kind", "answers", "tags", "category", "team_id", "script_ref"] as const;

export function emptyForm(): StepFormValues {
  return { title: "", body: "", kind: "action", answers: ["Yes", "No"], tags: "", category: "", teamId: "", scriptRef: "" };
}

export function formFromStep(s: LibraryStep): StepFormValues {
  return {
    title: s.title,
    body: s.body,
    kind: s.kind,
    answers: s.kind === "question" ? [...s.answers] : ["Yes", "No"],
    tags: s.tags.join(", "),
    category: s.category,
    teamId: s.team_id ?? "",
    scriptRef: s.script_ref ?? "",
  };
}

/** "vpn, Outlook ,  vpn" → ["vpn", "Outlook"] (duplicates ignoring case dropped, as the server does). */
export function parseTags(text: string): string[] {
  const seen = new Map<string, string>();
  for (const raw of text.split(",")) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

export function bodyFor(v: StepFormValues): LibraryStepCreate {
  return {
    title: v.title.trim(),
    body: v.body,
    kind: v.kind,
    answers: v.kind === "question" ? v.answers.map((a) => a.trim()).filter(Boolean) : [],
    tags: parseTags(v.tags),
    category: v.category.trim(),
    team_id: v.teamId || null,
    script_ref: v.kind === "script_ref" ? v.scriptRef.trim() || null : null,
  };
}

/** What is plainly wrong before asking the server, keyed like the server's field errors. */
export function validateForm(v: StepFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.title.trim()) errors.title = "Give the step a title.";
  else if (v.title.trim().length > 200) errors.title = "At most 200 characters.";
  if (v.body.length > 20000) errors.body = "At most 20,000 characters.";
  if (v.kind === "question") {
    const answers = v.answers.map((a) => a.trim()).filter(Boolean);
    if (answers.length < 2) errors.answers = "A question needs at least two answers.";
    else if (new Set(answers.map((a) => a.toLowerCase())).size !== answers.length) errors.answers = "A question's answers must differ.";
  }
  if (v.kind === "script_ref" && !v.scriptRef.trim()) errors.script_ref = "Name the script this step runs.";
  if (parseTags(v.tags).some((t) => t.length > 50)) errors.tags = "Each tag is at most 50 characters.";
  return errors;
}

/**
 * The server's field errors by form field. `loc` ends in the field, or in an index inside a
 * list (`["body", "answers", 2]`): those belong to the list's field.
 */
export function serverFieldErrors(errors: { loc: (string | number)[]; msg: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    // The first element says where in the request ("body"); the rest is the field's path.
    const path = e.loc[0] === "body" || e.loc[0] === "query" ? e.loc.slice(1) : e.loc;
    const named = [...path].reverse().find((p): p is string => typeof p === "string");
    const key = named ?? "form";
    const msg = e.msg.replace(/^(Value|Assertion) error, /, "");
    out[key] = out[key] ? `${out[key]} ${msg}` : msg;
  }
  return out;
}
