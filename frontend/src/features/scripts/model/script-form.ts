/**
 * The script form's state, its live checks (the same rules the server applies, so a problem shows
 * while typing) and the request body it becomes.
 */
import { type Language, type ParamType, placeholders, type Risk, type Script, type ScriptCreate, type ScriptParam } from "@/lib/scripts";

export interface ParamRow {
  key: number;
  name: string;
  type: ParamType;
  required: boolean;
  default: string;
  pattern: string;
  choices: string;
  help: string;
}

export interface ScriptForm {
  title: string;
  language: Language;
  body: string;
  description: string;
  tags: string;
  risk: Risk;
  params: ParamRow[];
}

let nextKey = 1;

export function emptyParam(name = ""): ParamRow {
  return { key: nextKey++, name, type: "string", required: false, default: "", pattern: "", choices: "", help: "" };
}

export function emptyForm(): ScriptForm {
  return { title: "", language: "powershell", body: "", description: "", tags: "", risk: "read_only", params: [] };
}

export function formFromScript(s: Pick<Script, "title" | "language" | "body" | "description" | "tags" | "risk" | "params">): ScriptForm {
  return {
    title: s.title,
    language: s.language as Language,
    body: s.body,
    description: s.description ?? "",
    tags: (s.tags ?? []).join(", "),
    risk: s.risk as Risk,
    params: s.params.map((p) => ({
      key: nextKey++,
      name: p.name,
      type: (p.type ?? "string") as ParamType,
      required: Boolean(p.required),
      default: p.default == null ? "" : String(p.default),
      pattern: p.pattern ?? "",
      choices: (p.choices ?? []).join(", "),
      help: p.help ?? "",
    })),
  };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const split = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

export interface FormProblems {
  title?: string;
  body?: string;
  params: Record<number, Partial<Record<"name" | "default" | "pattern" | "choices", string>>>;
}

/** What is wrong, as the server would say it: placeholders vs parameters, names, types. */
export function problemsOf(form: ScriptForm): FormProblems {
  const out: FormProblems = { params: {} };
  if (!form.title.trim()) out.title = "A title is needed.";
  if (!form.body.trim()) out.body = "The script needs a body.";
  const used = placeholders(form.body);
  const names = form.params.map((p) => p.name);
  const undeclared = used.filter((u) => !names.includes(u));
  if (undeclared.length) out.body = `Not declared as parameters: ${undeclared.map((u) => `{{${u}}}`).join(", ")}. Add them below.`;
  const seen = new Set<string>();
  for (const p of form.params) {
    const e: FormProblems["params"][number] = {};
    if (!NAME.test(p.name)) e.name = "Letters, digits and _; not starting with a digit.";
    else if (seen.has(p.name)) e.name = "Declared twice.";
    else if (!used.includes(p.name)) e.name = `The body never uses {{${p.name}}}.`;
    seen.add(p.name);
    if (p.pattern) {
      try {
        new RegExp(p.pattern);
      } catch {
        e.pattern = "Not a valid regular expression.";
      }
    }
    if (p.type === "choice" && split(p.choices).length === 0) e.choices = "List the choices, separated by commas.";
    if (p.default) {
      if (p.type === "secret") e.default = "A secret cannot have a default: secrets are never stored.";
      else if (p.type === "int" && !/^[+-]?\d{1,18}$/.test(p.default.trim())) e.default = "Must be a whole number.";
      else if (p.type === "bool" && !/^(true|false|1|0|yes|no|on|off)$/i.test(p.default.trim())) e.default = "Must be true or false.";
      else if (p.type === "choice" && !split(p.choices).includes(p.default)) e.default = "Must be one of the choices.";
      else if (form.language === "cmd" && /["%!\r\n]/.test(p.default)) e.default = "cmd cannot quote \", %, ! or line breaks safely.";
    }
    if (Object.keys(e).length) out.params[p.key] = e;
  }
  return out;
}

export function hasProblems(p: FormProblems): boolean {
  return Boolean(p.title || p.body || Object.keys(p.params).length);
}

function defaultOf(p: ParamRow): ScriptParam["default"] {
  if (!p.default || p.type === "secret") return null;
  if (p.type === "int") return Number(p.default.trim());
  if (p.type === "bool") return /^(true|1|yes|on)$/i.test(p.default.trim());
  return p.default;
}

export function bodyOf(form: ScriptForm): ScriptCreate {
  return {
    title: form.title.trim(),
    language: form.language,
    body: form.body,
    description: form.description.trim(),
    tags: split(form.tags),
    risk: form.risk,
    params: form.params.map((p) => ({
      name: p.name,
      type: p.type,
      required: p.required,
      default: defaultOf(p),
      pattern: p.pattern || null,
      choices: p.type === "choice" ? split(p.choices) : [],
      help: p.help.trim(),
    })),
  };
}

/** Parameters for placeholders the body uses but the form does not declare yet. */
export function withMissingParams(form: ScriptForm): ScriptForm {
  const names = new Set(form.params.map((p) => p.name));
  const missing = placeholders(form.body).filter((n) => !names.has(n));
  return missing.length ? { ...form, params: [...form.params, ...missing.map((n) => emptyParam(n))] } : form;
}
