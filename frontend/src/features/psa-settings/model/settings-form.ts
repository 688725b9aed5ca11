/**
 * The PSA settings form's draft: built from what the server holds, turned into the PUT (and test)
 * body — the provider's fields at the top level, secrets only when one was typed — and checked
 * before it is sent.
 */
import type { NoteType, PsaSettings } from "../api/get-psa-settings";
import type { PsaField, PsaProviderInfo, PsaProviderName } from "../api/list-psa-providers";
import type { PsaSettingsInput } from "../api/save-psa-settings";

/** One row of a status mapping: on this board ("*" = any other board), set this status. */
export interface StatusRow {
  board: string;
  status: string;
}

export interface PsaDraft {
  provider: PsaProviderName | "";
  /** Field name → value. Secrets hold only what was typed here; never filled from the server. */
  values: Record<string, string>;
  pushOnResolve: boolean;
  pushOnEscalate: boolean;
  resolveNoteType: NoteType;
  escalateNoteType: NoteType;
  timeEntryOnResolve: boolean;
  statusOnResolve: StatusRow[];
  statusOnEscalate: StatusRow[];
  /** Off: a session resolved with a workaround sets the same status as a resolved one. */
  workaroundOwnStatus: boolean;
  statusOnWorkaround: StatusRow[];
}

export type StatusMapping = "statusOnResolve" | "statusOnEscalate" | "statusOnWorkaround";

export const NOTE_TYPES: readonly { value: NoteType; label: string }[] = [
  { value: "internal", label: "Internal note" },
  { value: "discussion", label: "Discussion" },
  { value: "resolution", label: "Resolution" },
];

export const ANY_BOARD = "*";

const rowsFrom = (m: Record<string, string>): StatusRow[] =>
  Object.entries(m).map(([board, status]) => ({ board, status }));

export function draftFrom(s: PsaSettings): PsaDraft {
  return {
    provider: s.provider ?? "",
    values: { ...s.config },
    pushOnResolve: s.push_on_resolve,
    pushOnEscalate: s.push_on_escalate,
    resolveNoteType: s.resolve_note_type,
    escalateNoteType: s.escalate_note_type,
    timeEntryOnResolve: s.time_entry_on_resolve,
    statusOnResolve: rowsFrom(s.status_on_resolve),
    statusOnEscalate: rowsFrom(s.status_on_escalate),
    workaroundOwnStatus: s.status_on_workaround != null,
    statusOnWorkaround: rowsFrom(s.status_on_workaround ?? {}),
  };
}

/** Is this secret saved for the draft's provider? (Secrets don't carry over to another provider.) */
export function secretSaved(saved: PsaSettings | null, draft: PsaDraft, field: PsaField): boolean {
  return !!saved && field.kind === "secret" && saved.provider === draft.provider && saved.secrets_set.includes(field.name);
}

const isBlankRow = (r: StatusRow) => r.board.trim() === "" && r.status.trim() === "";

function mappingOf(rows: StatusRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (!isBlankRow(r)) out[r.board.trim()] = r.status.trim();
  return out;
}

/**
 * The PUT / test body for `provider`'s form: every non-secret field (blank clears it), secrets only
 * when typed (left out keeps the saved one), and only what the provider supports.
 */
export function bodyFrom(draft: PsaDraft, provider: PsaProviderInfo): PsaSettingsInput {
  const fields: Record<string, string> = {};
  for (const f of provider.fields) {
    const value = (draft.values[f.name] ?? "").trim();
    if (f.kind === "secret" && value === "") continue;
    fields[f.name] = value;
  }
  return {
    provider: provider.name,
    ...fields,
    push_on_resolve: draft.pushOnResolve,
    push_on_escalate: draft.pushOnEscalate,
    resolve_note_type: draft.resolveNoteType,
    escalate_note_type: draft.escalateNoteType,
    time_entry_on_resolve: provider.supports_time_entries && draft.timeEntryOnResolve,
    status_on_resolve: provider.supports_status ? mappingOf(draft.statusOnResolve) : {},
    status_on_escalate: provider.supports_status ? mappingOf(draft.statusOnEscalate) : {},
    status_on_workaround: provider.supports_status && draft.workaroundOwnStatus ? mappingOf(draft.statusOnWorkaround) : null,
  };
}

/** Row index → message for a status mapping's rows that can't be sent as they are. */
export function statusRowErrors(rows: StatusRow[]): Record<number, string> {
  const out: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (isBlankRow(r)) return;
    const board = r.board.trim();
    if (!board) out[i] = `Name the board, or ${ANY_BOARD} for any board.`;
    else if (!r.status.trim()) out[i] = "Enter the status to set.";
    else if (seen.has(board.toLowerCase())) out[i] = "This board already has a row.";
    if (board) seen.add(board.toLowerCase());
  });
  return out;
}

export function hasLocalErrors(draft: PsaDraft, provider: PsaProviderInfo | undefined): boolean {
  if (!provider?.supports_status) return false;
  return (
    Object.keys(statusRowErrors(draft.statusOnResolve)).length > 0 ||
    Object.keys(statusRowErrors(draft.statusOnEscalate)).length > 0 ||
    (draft.workaroundOwnStatus && Object.keys(statusRowErrors(draft.statusOnWorkaround)).length > 0)
  );
}

export function sameBody(a: PsaSettingsInput, b: PsaSettingsInput): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(o: Record<string, unknown>): unknown {
  if (o === null || typeof o !== "object" || Array.isArray(o)) return o;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sorted(o[k] as Record<string, unknown>)]),
  );
}
