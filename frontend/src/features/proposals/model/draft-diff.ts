/**
 * A proposal's draft: for new_flow the whole flow (`{document}`); for enhancement and
 * branch_addition the flow with the change, the structural `diff` against the published version
 * the proposal is about, and the `change` itself (`{document, diff, change}`).
 *
 * `diffEntries` turns that into a list people can read: added / removed / changed steps (with
 * titles from the version before when it is at hand, since removed steps are not in the draft)
 * and connections; `canvasMarks` says what the canvas highlights (what was added or changed:
 * removed steps are not in the draft, and a removed connection drawn between steps that remain
 * runs over the new path that replaced it, so the list alone shows what was removed).
 */
import type { FormatIn, FormatNodeIn } from "@/lib/flow-graph/convert";

export interface EdgeRef {
  source: string;
  target: string;
  label?: string | null;
}

export interface FlowDiff {
  nodes: { added: string[]; removed: string[]; changed: string[] };
  edges: { added: EdgeRef[]; removed: EdgeRef[]; changed: EdgeRef[] };
  fields: string[];
}

export interface ProposalChange {
  op: string;
  node_id?: string;
  title?: string;
  body?: string;
  label?: string;
  next_title?: string | null;
  note?: string;
}

export interface Draft {
  document: FormatIn | null;
  diff: FlowDiff | null;
  change: ProposalChange | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const edgeRefs = (v: unknown): EdgeRef[] =>
  Array.isArray(v)
    ? v.filter(isRecord).flatMap((e) =>
        typeof e.source === "string" && typeof e.target === "string"
          ? [{ source: e.source, target: e.target, label: typeof e.label === "string" ? e.label : "" }]
          : [],
      )
    : [];

function parseDiff(v: unknown): FlowDiff | null {
  if (!isRecord(v)) return null;
  const nodes = isRecord(v.nodes) ? v.nodes : {};
  const edges = isRecord(v.edges) ? v.edges : {};
  return {
    nodes: { added: strings(nodes.added), removed: strings(nodes.removed), changed: strings(nodes.changed) },
    edges: { added: edgeRefs(edges.added), removed: edgeRefs(edges.removed), changed: edgeRefs(edges.changed) },
    fields: strings(v.fields),
  };
}

/** The draft as the API sends it (a loose dict), read defensively. */
export function readDraft(raw: unknown): Draft {
  if (!isRecord(raw)) return { document: null, diff: null, change: null };
  const doc = isRecord(raw.document) && Array.isArray(raw.document.nodes) ? (raw.document as FormatIn) : null;
  const change = isRecord(raw.change) && typeof raw.change.op === "string" ? (raw.change as unknown as ProposalChange) : null;
  return { document: doc, diff: parseDiff(raw.diff), change };
}

export type Mark = "added" | "removed" | "changed";

export interface NodeEntry {
  kind: "node";
  mark: Mark;
  id: string;
  type: string;
  title: string;
  /** For a changed step: its title and body before, when the version before is at hand. */
  before: { title: string; body: string } | null;
  after: { title: string; body: string } | null;
}

export interface EdgeEntry {
  kind: "edge";
  mark: Mark;
  source: string;
  target: string;
  label: string;
  sourceTitle: string;
  targetTitle: string;
}

export interface FieldEntry {
  kind: "field";
  mark: "changed";
  name: string;
}

export type DiffEntry = NodeEntry | EdgeEntry | FieldEntry;

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  kind: "Kind",
  category: "Category",
  tags: "Tags",
  start: "First step",
};

export const fieldLabel = (name: string) => FIELD_LABELS[name] ?? name;

const byId = (doc: FormatIn | null) => new Map<string, FormatNodeIn>((doc?.nodes ?? []).map((n) => [n.id, n]));
const text = (n: FormatNodeIn | undefined) => ({ title: n?.title ?? "", body: n?.body ?? "" });

/** The diff as a list: steps first (added, changed, removed), then connections, then settings. */
export function diffEntries(diff: FlowDiff, after: FormatIn | null, before: FormatIn | null): DiffEntry[] {
  const now = byId(after);
  const was = byId(before);
  const titleOf = (id: string) => now.get(id)?.title || was.get(id)?.title || id;
  const node = (mark: Mark, id: string): NodeEntry => {
    const n = now.get(id) ?? was.get(id);
    return {
      kind: "node",
      mark,
      id,
      type: n?.type ?? "",
      title: titleOf(id),
      before: mark === "added" || !was.has(id) ? null : text(was.get(id)),
      after: mark === "removed" || !now.has(id) ? null : text(now.get(id)),
    };
  };
  const edge = (mark: Mark, e: EdgeRef): EdgeEntry => ({
    kind: "edge",
    mark,
    source: e.source,
    target: e.target,
    label: e.label ?? "",
    sourceTitle: titleOf(e.source),
    targetTitle: titleOf(e.target),
  });
  return [
    ...diff.nodes.added.map((id) => node("added", id)),
    ...diff.nodes.changed.map((id) => node("changed", id)),
    ...diff.nodes.removed.map((id) => node("removed", id)),
    ...diff.edges.added.map((e) => edge("added", e)),
    ...diff.edges.changed.map((e) => edge("changed", e)),
    ...diff.edges.removed.map((e) => edge("removed", e)),
    ...diff.fields.map((name): FieldEntry => ({ kind: "field", mark: "changed", name })),
  ];
}

export function diffIsEmpty(diff: FlowDiff): boolean {
  return (
    diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.changed.length +
      diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length + diff.fields.length ===
    0
  );
}

export const edgeKey = (e: EdgeRef) => `${e.source}\u0000${e.target}\u0000${e.label ?? ""}`;

export interface CanvasMarks {
  nodes: Map<string, "added" | "changed">;
  edges: Map<string, "added" | "changed">;
}

export function canvasMarks(diff: FlowDiff | null): CanvasMarks {
  const marks: CanvasMarks = { nodes: new Map(), edges: new Map() };
  if (!diff) return marks;
  for (const id of diff.nodes.added) marks.nodes.set(id, "added");
  for (const id of diff.nodes.changed) marks.nodes.set(id, "changed");
  for (const e of diff.edges.added) marks.edges.set(edgeKey(e), "added");
  for (const e of diff.edges.changed) marks.edges.set(edgeKey(e), "changed");
  return marks;
}

/** The change in one plain sentence, naming the steps by their titles. */
export function describeChange(change: ProposalChange | null, doc: FormatIn | null): string | null {
  if (!change) return null;
  const at = change.node_id ? `"${byId(doc).get(change.node_id)?.title || change.node_id}"` : "the flow";
  switch (change.op) {
    case "add_step_before_end":
      return `Adds the step "${change.title ?? ""}" after ${at}, before the flow ends.`;
    case "add_branch":
      return `Adds the answer "${change.label ?? ""}" to ${at}${change.next_title ? `, leading to "${change.next_title}"` : ""}.`;
    case "annotate":
      return `Adds a note to ${at}: "${change.note ?? ""}".`;
    default:
      return null;
  }
}

/**
 * Steps in reading order: breadth-first from the start along the edges, then whatever the walk
 * did not reach (a draft may be invalid), in document order.
 */
export function readingOrder(doc: FormatIn): FormatNodeIn[] {
  const nodes = doc.nodes ?? [];
  const ids = new Map(nodes.map((n) => [n.id, n]));
  const out: FormatNodeIn[] = [];
  const seen = new Set<string>();
  const queue = doc.start && ids.has(doc.start) ? [doc.start] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(ids.get(id)!);
    for (const e of doc.edges ?? []) if (e.source === id && ids.has(e.target) && !seen.has(e.target)) queue.push(e.target);
  }
  for (const n of nodes) if (!seen.has(n.id)) out.push(n);
  return out;
}
