/**
 * The editor graph as React Flow nodes and edges. Each canvas node's data holds the graph node
 * itself plus display flags; `RFNodeCache` rebuilds a React Flow node only when its inputs
 * changed, so an edit to one node re-renders one node, not all 500.
 */
import type { Edge, Node } from "@xyflow/react";
import type { GraphEdge, GraphNode, GraphProblem, NodeType } from "./types";

export interface NodeProblem {
  severity: "error" | "warning";
  messages: string[];
}

export type DiffMark = "added" | "changed" | null;

export interface FlowNodeData extends Record<string, unknown> {
  node: GraphNode;
  isStart: boolean;
  problem: NodeProblem | null;
  diff: DiffMark;
}

/** React Flow node types are prefixed: its stylesheet has built-in looks for "input" and "default". */
export type RFNodeType = `flow-${NodeType}`;
export const rfNodeType = (t: NodeType): RFNodeType => `flow-${t}`;

export type FlowRFNode = Node<FlowNodeData, RFNodeType>;

export interface NodeFlags {
  isStart: boolean;
  selected: boolean;
  problem: NodeProblem | null;
  diff: DiffMark;
}

export function toRFNode(node: GraphNode, flags: NodeFlags): FlowRFNode {
  return {
    id: node.id,
    type: rfNodeType(node.type),
    position: node.position ?? { x: 0, y: 0 },
    selected: flags.selected,
    data: { node, isStart: flags.isStart, problem: flags.problem, diff: flags.diff },
  };
}

export interface EdgeFlags {
  selected: boolean;
  diff: DiffMark;
  problem?: "error" | "warning" | null;
}

export function toRFEdge(edge: GraphEdge, flags: EdgeFlags): Edge {
  const colour =
    flags.problem === "error"
      ? "#dc2626"
      : flags.diff === "added"
        ? "#059669"
        : flags.diff === "changed"
          ? "#d97706"
          : flags.problem === "warning"
            ? "#d97706"
            : undefined;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: edge.label || undefined,
    selected: flags.selected,
    style: colour ? { stroke: colour, strokeWidth: 2 } : undefined,
    labelStyle: { fontSize: 11, fontWeight: 500 },
    labelBgPadding: [4, 2],
    labelBgBorderRadius: 4,
  };
}

/** node id -> worst problem on it. */
export function problemsByNode(problems: readonly GraphProblem[]): Map<string, NodeProblem> {
  const out = new Map<string, NodeProblem>();
  for (const p of problems) {
    if (!p.node_id) continue;
    const severity = p.severity === "error" ? "error" : "warning";
    const cur = out.get(p.node_id);
    if (!cur) out.set(p.node_id, { severity, messages: [p.message] });
    else {
      cur.messages.push(p.message);
      if (severity === "error") cur.severity = "error";
    }
  }
  return out;
}

function sameProblem(a: NodeProblem | null, b: NodeProblem | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.severity === b.severity && a.messages.length === b.messages.length && a.messages.every((m, i) => m === b.messages[i]);
}

/** Memoises React Flow nodes per graph node (by identity) and flags. */
export class RFNodeCache {
  private cache = new Map<string, { src: GraphNode; flags: NodeFlags; rf: FlowRFNode }>();

  build(nodes: readonly GraphNode[], flagsFor: (n: GraphNode) => NodeFlags): FlowRFNode[] {
    const next = new Map<string, { src: GraphNode; flags: NodeFlags; rf: FlowRFNode }>();
    const out = nodes.map((n) => {
      const flags = flagsFor(n);
      const hit = this.cache.get(n.id);
      if (
        hit &&
        hit.src === n &&
        hit.flags.isStart === flags.isStart &&
        hit.flags.selected === flags.selected &&
        hit.flags.diff === flags.diff &&
        sameProblem(hit.flags.problem, flags.problem)
      ) {
        next.set(n.id, hit);
        return hit.rf;
      }
      const rf = toRFNode(n, flags);
      next.set(n.id, { src: n, flags, rf });
      return rf;
    });
    this.cache = next;
    return out;
  }
}
