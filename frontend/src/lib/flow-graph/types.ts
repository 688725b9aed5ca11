/**
 * The flow graph as the UI works with it. The interchange format (`resolutionflow.flow/1`,
 * DESIGN.md §5) is converted to and from this shape in `convert.ts`: every node carries every
 * type-specific field here (so changing a node's type and back loses nothing), and edges get an
 * id so the canvas and the undo history can tell them apart.
 */
export const NODE_TYPES = ["question", "action", "checklist", "input", "resolution", "subflow"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const FLOW_KINDS = ["troubleshooting", "procedural", "maintenance"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const OUTCOMES = ["resolved", "unresolved", "escalate"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FLOW_FORMAT = "resolutionflow.flow/1";

/** An input step's kind of value: a `secret` stays in the runner that captured it. */
export const INPUT_TYPES = ["text", "secret"] as const;
export type InputType = (typeof INPUT_TYPES)[number];

export interface Position {
  x: number;
  y: number;
}

export interface GraphNode {
  id: string;
  type: NodeType;
  title: string;
  body: string;
  position: Position | null;
  items: string[];
  variable: string;
  input_type: InputType;
  outcome: Outcome;
  flow_id: string | null;
  /** The library step this node was inserted from or saved to, and the revision it copied. */
  step_id: string | null;
  step_revision: number | null;
  /** Action steps: the library script the step runs (absent on most nodes). */
  script_id?: string | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface FlowMeta {
  title: string;
  description: string;
  kind: FlowKind;
  category: string;
  tags: string[];
}

export interface EditorGraph {
  meta: FlowMeta;
  start: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A validation problem as the API reports it. */
export interface GraphProblem {
  code: string;
  message: string;
  node_id?: string | null;
  edge?: { source: string; target: string; label?: string | null } | null;
  severity: "error" | "warning" | string;
}

export const NODE_TYPE_LABELS: Record<NodeType, string> = {
  question: "Question",
  action: "Action",
  checklist: "Checklist",
  input: "Input",
  resolution: "Resolution",
  subflow: "Subflow",
};

export const FLOW_KIND_LABELS: Record<FlowKind, string> = {
  troubleshooting: "Troubleshooting",
  procedural: "Procedural",
  maintenance: "Maintenance",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved: "Resolved",
  unresolved: "Unresolved",
  escalate: "Escalate",
};

export function isNodeType(v: unknown): v is NodeType {
  return typeof v === "string" && (NODE_TYPES as readonly string[]).includes(v);
}
export function isFlowKind(v: unknown): v is FlowKind {
  return typeof v === "string" && (FLOW_KINDS as readonly string[]).includes(v);
}
export function isOutcome(v: unknown): v is Outcome {
  return typeof v === "string" && (OUTCOMES as readonly string[]).includes(v);
}

export function flowKindLabel(kind: string): string {
  return isFlowKind(kind) ? FLOW_KIND_LABELS[kind] : kind;
}
