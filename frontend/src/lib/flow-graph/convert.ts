/**
 * Interchange format <-> the editor's graph. Unknown node types fall back to "action" and
 * missing fields get defaults, so a half-broken draft still opens (validation then says what
 * is wrong); `toFormat` writes only the fields each node type has.
 */
import {
  type EditorGraph,
  FLOW_FORMAT,
  type FlowKind,
  type GraphEdge,
  type GraphNode,
  isFlowKind,
  isNodeType,
  isOutcome,
  type NodeType,
  type Outcome,
  type Position,
} from "./types";

/** The format as it arrives (loosely typed on purpose: drafts may be invalid). */
export interface FormatNodeIn {
  id: string;
  type: string;
  title?: string | null;
  body?: string | null;
  position?: { x: number; y: number } | null;
  items?: string[] | null;
  variable?: string | null;
  input_type?: string | null;
  outcome?: string | null;
  flow_id?: string | null;
  step_id?: string | null;
  step_revision?: number | null;
  script_id?: string | null;
}
export interface FormatEdgeIn {
  source: string;
  target: string;
  label?: string | null;
}
export interface FormatIn {
  title?: string | null;
  kind?: string | null;
  description?: string | null;
  category?: string | null;
  tags?: string[] | null;
  start?: string | null;
  nodes?: readonly FormatNodeIn[] | null;
  edges?: readonly FormatEdgeIn[] | null;
}

interface BaseOut {
  id: string;
  title: string;
  body: string;
  position?: Position;
  /** Only on nodes linked to a library step. */
  step_id?: string;
  step_revision?: number;
}
export type FormatNodeOut =
  | (BaseOut & { type: "question" })
  | (BaseOut & { type: "action"; script_id?: string })
  | (BaseOut & { type: "checklist"; items: string[] })
  | (BaseOut & { type: "input"; variable: string; input_type?: "secret" })
  | (BaseOut & { type: "resolution"; outcome: Outcome })
  | (BaseOut & { type: "subflow"; flow_id: string | null });

export interface FormatOut {
  format: typeof FLOW_FORMAT;
  title: string;
  kind: FlowKind;
  description: string;
  category: string;
  tags: string[];
  start: string | null;
  nodes: FormatNodeOut[];
  edges: { source: string; target: string; label: string }[];
}

export function newNode(id: string, type: NodeType, title = "", position: Position | null = null): GraphNode {
  return { id, type, title, body: "", position, items: [], variable: "", input_type: "text", outcome: "resolved", flow_id: null, step_id: null, step_revision: null };
}

export function fromFormatNode(n: FormatNodeIn): GraphNode {
  const type: NodeType = isNodeType(n.type) ? n.type : "action";
  return {
    id: n.id,
    type,
    title: n.title ?? "",
    body: n.body ?? "",
    position:
      n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y)
        ? { x: n.position.x, y: n.position.y }
        : null,
    items: Array.isArray(n.items) ? n.items.map(String) : [],
    variable: n.variable ?? "",
    input_type: n.input_type === "secret" ? "secret" : "text",
    outcome: isOutcome(n.outcome) ? n.outcome : "resolved",
    flow_id: n.flow_id ?? null,
    step_id: n.step_id ?? null,
    step_revision: n.step_id && typeof n.step_revision === "number" && Number.isFinite(n.step_revision) ? n.step_revision : null,
    // Only when set, so graphs of flows without scripts are as they were.
    ...(n.script_id ? { script_id: n.script_id } : {}),
  };
}

/** Edge ids are local to the editor; `e:<source>-><target>#n` keeps them readable and unique. */
export function edgeIdFor(source: string, target: string, taken: ReadonlySet<string>): string {
  const base = `e:${source}->${target}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const id = `${base}#${i}`;
    if (!taken.has(id)) return id;
  }
}

export function fromFormat(f: FormatIn): EditorGraph {
  const taken = new Set<string>();
  const edges: GraphEdge[] = (f.edges ?? []).map((e) => {
    const id = edgeIdFor(e.source, e.target, taken);
    taken.add(id);
    return { id, source: e.source, target: e.target, label: e.label ?? "" };
  });
  return {
    meta: {
      title: f.title ?? "",
      description: f.description ?? "",
      kind: isFlowKind(f.kind) ? f.kind : "troubleshooting",
      category: f.category ?? "",
      tags: Array.isArray(f.tags) ? [...f.tags] : [],
    },
    start: f.start ? f.start : null,
    nodes: (f.nodes ?? []).map(fromFormatNode),
    edges,
  };
}

export function toFormatNode(n: GraphNode): FormatNodeOut {
  const base: BaseOut = { id: n.id, title: n.title, body: n.body };
  if (n.position) base.position = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
  // The library link (publishing syncs it; "update from library" compares the revision).
  if (n.step_id) {
    base.step_id = n.step_id;
    if (n.step_revision != null) base.step_revision = n.step_revision;
  }
  switch (n.type) {
    case "question":
      return { ...base, type: "question" };
    case "action":
      // Written only when set: flows without scripts export as they always did.
      return n.script_id ? { ...base, type: "action", script_id: n.script_id } : { ...base, type: "action" };
    case "checklist":
      return { ...base, type: "checklist", items: [...n.items] };
    case "input":
      // "text" is the format's default: written only when secret, so older files stay as they were.
      return n.input_type === "secret" ? { ...base, type: "input", variable: n.variable, input_type: "secret" } : { ...base, type: "input", variable: n.variable };
    case "resolution":
      return { ...base, type: "resolution", outcome: n.outcome };
    case "subflow":
      return { ...base, type: "subflow", flow_id: n.flow_id };
  }
}

export function toFormat(g: EditorGraph): FormatOut {
  return {
    format: FLOW_FORMAT,
    title: g.meta.title,
    kind: g.meta.kind,
    description: g.meta.description,
    category: g.meta.category,
    tags: [...g.meta.tags],
    start: g.start,
    nodes: g.nodes.map(toFormatNode),
    edges: g.edges.map((e) => ({ source: e.source, target: e.target, label: e.label })),
  };
}

const PREFIX: Record<NodeType, string> = {
  question: "q",
  action: "a",
  checklist: "c",
  input: "i",
  resolution: "r",
  subflow: "s",
};

/** A short readable id (`q1`, `a7`, …) not in `taken`. */
export function nextNodeId(type: NodeType, taken: ReadonlySet<string>): string {
  const p = PREFIX[type];
  for (let i = 1; ; i++) {
    const id = `${p}${i}`;
    if (!taken.has(id)) return id;
  }
}

/** A Markdown body shortened to one plain line for previews on the canvas and in lists. */
export function bodyPreview(body: string, max = 90): string {
  const plain = body
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/[`*_>#~[\]()!]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
