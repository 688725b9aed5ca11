/** Top-to-bottom automatic layout (dagre). Positions are React Flow's: the node's top-left. */
import dagre from "@dagrejs/dagre";
import type { Position } from "./types";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 88;

export interface LayoutInput {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
}

export function layoutGraph(
  { nodes, edges }: LayoutInput,
  opts: { rankSep?: number; nodeSep?: number } = {},
): Map<string, Position> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", ranksep: opts.rankSep ?? 70, nodesep: opts.nodeSep ?? 40, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  edges.forEach((e, i) => {
    // Dangling edges (to deleted or mistyped ids) are the validator's business, not the layout's.
    if (ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target, {}, `e${i}`);
  });
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of nodes) {
    const p = g.node(n.id);
    const x = p && Number.isFinite(p.x) ? p.x - NODE_WIDTH / 2 : 0;
    const y = p && Number.isFinite(p.y) ? p.y - NODE_HEIGHT / 2 : 0;
    out.set(n.id, { x: Math.round(x), y: Math.round(y) });
  }
  return out;
}

/** True when some node has no stored position (then the editor lays the graph out on open). */
export function needsLayout(nodes: readonly { position: Position | null }[]): boolean {
  return nodes.some((n) => n.position === null);
}
