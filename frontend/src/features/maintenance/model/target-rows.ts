/**
 * The target-list editor's rows: what the table edits, turned into the API's targets and back;
 * field keys are columns (like the CSV), and a 422's `targets.<n>.<field>` lands on its cell.
 */
import type { Problem } from "@/lib/problem";
import type { TargetInput, TargetList } from "../api/types";

export interface TargetRow {
  /** Stable React key (new rows have no id yet). */
  key: string;
  id: string | null;
  label: string;
  client: string;
  notes: string;
  fields: Record<string, string>;
  psa_company_id: string;
  psa_config_id: string;
}

let counter = 0;
const newKey = () => `row-${++counter}`;

export function emptyRow(): TargetRow {
  return { key: newKey(), id: null, label: "", client: "", notes: "", fields: {}, psa_company_id: "", psa_config_id: "" };
}

export function rowsOf(list: Pick<TargetList, "targets">): TargetRow[] {
  return [...list.targets]
    .sort((a, b) => a.position - b.position)
    .map((t) => ({
      key: newKey(),
      id: t.id,
      label: t.label,
      client: t.client,
      notes: t.notes,
      fields: { ...t.fields },
      psa_company_id: t.psa_company_id ?? "",
      psa_config_id: t.psa_config_id ?? "",
    }));
}

/** Rows from the CSV preview's valid targets (new targets: no ids). */
export function rowsFromTargets(targets: readonly TargetInput[]): TargetRow[] {
  return targets.map((t) => ({
    key: newKey(),
    id: null,
    label: t.label,
    client: t.client ?? "",
    notes: t.notes ?? "",
    fields: { ...(t.fields ?? {}) },
    psa_company_id: t.psa_company_id ?? "",
    psa_config_id: t.psa_config_id ?? "",
  }));
}

/** The field columns, in first-seen order. */
export function fieldColumns(rows: readonly TargetRow[], extra: readonly string[] = []): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.fields)) seen.add(k);
  for (const k of extra) seen.add(k);
  return [...seen];
}

/** A valid field name, as the API wants it (letters, digits, _; a letter first). */
export function isFieldName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name);
}

/** A row nobody typed anything into (left out when saving). */
export function isBlank(row: TargetRow): boolean {
  return (
    !row.label.trim() &&
    !row.client.trim() &&
    !row.notes.trim() &&
    !row.psa_company_id.trim() &&
    !row.psa_config_id.trim() &&
    Object.values(row.fields).every((v) => !v.trim())
  );
}

export function toTargets(rows: readonly TargetRow[]): TargetInput[] {
  return rows
    .filter((r) => !isBlank(r))
    .map((r) => {
      const fields = Object.fromEntries(Object.entries(r.fields).filter(([, v]) => v.trim() !== ""));
      return {
        ...(r.id ? { id: r.id } : {}),
        label: r.label.trim(),
        client: r.client.trim(),
        notes: r.notes,
        fields,
        psa_company_id: r.psa_company_id.trim() || null,
        psa_config_id: r.psa_config_id.trim() || null,
      };
    });
}

/** Index in `toTargets(rows)` → index in `rows` (blank rows are left out of the body). */
export function sentIndexMap(rows: readonly TargetRow[]): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (!isBlank(r)) out.push(i);
  });
  return out;
}

export interface TargetProblems {
  /** Row index (in the editor) → cell ("label", "client", "fields" …) → message. */
  rows: Map<number, Record<string, string>>;
  /** name, team_id, targets (the list as a whole) … */
  form: Record<string, string>;
}

const clean = (msg: string) => msg.replace(/^(Value|Assertion) error, /, "");

/**
 * Splits a 422's errors into cells and form fields: `["body","targets","3","label"]` is row 3's
 * label (indices may be strings, like pydantic's), `["body","name"]` the name.
 */
export function targetProblems(problem: Problem, rows: readonly TargetRow[]): TargetProblems {
  const map = sentIndexMap(rows);
  const out: TargetProblems = { rows: new Map(), form: {} };
  for (const err of problem.errors) {
    const loc = err.loc[0] === "body" ? err.loc.slice(1) : err.loc;
    const msg = clean(err.msg);
    if (loc[0] === "targets" && loc.length >= 2 && /^\d+$/.test(String(loc[1]))) {
      const row = map[Number(loc[1])] ?? Number(loc[1]);
      const cell = loc.length >= 3 ? String(loc[2]) : "label";
      const cells = out.rows.get(row) ?? {};
      cells[cell] = cells[cell] ? `${cells[cell]} ${msg}` : msg;
      out.rows.set(row, cells);
    } else {
      const key = String(loc[0] ?? "body");
      out.form[key] = out.form[key] ? `${out.form[key]} ${msg}` : msg;
    }
  }
  return out;
}
