/**
 * The outline view: a procedural flow seen as an ordered list of steps. A graph is linear when,
 * from the start node, every step has at most one way out and the walk never loops. Reordering
 * rewires the edges between the steps to follow the new order.
 */
import { edgeIdFor } from "@/lib/flow-graph/convert";
import type { GraphEdge, GraphNode } from "@/lib/flow-graph/types";

export interface OutlineGraph {
  start: string | null;
  nodes: readonly Pick<GraphNode, "id" | "title">[];
  edges: readonly GraphEdge[];
}

export type Outline =
  | { linear: true; steps: string[]; detached: string[] }
  | { linear: false; reason: string; nodes: string[] };

function outgoing(edges: readonly GraphEdge[]): Map<string, GraphEdge[]> {
  const out = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e);
    else out.set(e.source, [e]);
  }
  return out;
}

export function linearise(g: OutlineGraph): Outline {
  const ids = g.nodes.map((n) => n.id);
  if (g.nodes.length === 0) return { linear: true, steps: [], detached: [] };
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const t = byId.get(id)?.title.trim();
    return t ? `“${t}”` : `Node ${id}`;
  };
  const outs = outgoing(g.edges);
  for (const id of ids) {
    const n = outs.get(id)?.length ?? 0;
    if (n > 1) return { linear: false, reason: `${name(id)} has ${n} ways out, so this flow branches.`, nodes: ids };
  }
  if (!g.start || !byId.has(g.start)) {
    return { linear: false, reason: "No start node is set, so there is no first step.", nodes: ids };
  }
  const steps: string[] = [];
  const seen = new Set<string>();
  let cur: string | undefined = g.start;
  while (cur !== undefined) {
    if (seen.has(cur)) return { linear: false, reason: `The steps loop back to ${name(cur)}.`, nodes: ids };
    if (!byId.has(cur)) return { linear: false, reason: `A connection points to a missing node (${cur}).`, nodes: ids };
    seen.add(cur);
    steps.push(cur);
    cur = outs.get(cur)?.[0]?.target;
  }
  return { linear: true, steps, detached: ids.filter((id) => !seen.has(id)) };
}

/**
 * Edges and start for `order`: edges leaving a step are replaced by one edge to the next step
 * (keeping a label the same pair already had); edges leaving other nodes are untouched.
 */
export function rewireOrder(g: OutlineGraph, order: readonly string[]): { edges: GraphEdge[]; start: string | null } {
  const inOrder = new Set(order);
  const kept = g.edges.filter((e) => !inOrder.has(e.source));
  const taken = new Set(kept.map((e) => e.id));
  const previous = new Map(g.edges.map((e) => [`${e.source}\u0000${e.target}`, e]));
  const chain: GraphEdge[] = [];
  for (let i = 0; i + 1 < order.length; i++) {
    const source = order[i]!;
    const target = order[i + 1]!;
    const old = previous.get(`${source}\u0000${target}`);
    const id = old && !taken.has(old.id) ? old.id : edgeIdFor(source, target, taken);
    taken.add(id);
    chain.push({ id, source, target, label: old?.label ?? "" });
  }
  return { edges: [...kept, ...chain], start: order.length > 0 ? order[0]! : g.start };
}

/** Moves the item at `from` to `to` (both indexes into the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length || from === to) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** The order after inserting `id` after `afterId` (null: at the end). */
export function insertIntoOrder(steps: readonly string[], id: string, afterId: string | null): string[] {
  if (afterId === null) return [...steps, id];
  const i = steps.indexOf(afterId);
  if (i < 0) return [...steps, id];
  return [...steps.slice(0, i + 1), id, ...steps.slice(i + 1)];
}
