/**
 * Copy/paste of canvas selections. A copy holds the selected nodes and the edges that run
 * between them; pasting gives every node a fresh id (remapping the edges) and shifts it.
 */
import { edgeIdFor, nextNodeId } from "@/lib/flow-graph/convert";
import type { GraphEdge, GraphNode } from "@/lib/flow-graph/types";

export interface ClipboardData {
  nodes: GraphNode[];
  edges: { source: string; target: string; label: string }[];
}

export function copySelection(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  selectedIds: ReadonlySet<string>,
): ClipboardData | null {
  const picked = nodes.filter((n) => selectedIds.has(n.id));
  if (picked.length === 0) return null;
  return {
    nodes: picked.map((n) => ({ ...n, items: [...n.items], position: n.position ? { ...n.position } : null })),
    edges: edges
      .filter((e) => selectedIds.has(e.source) && selectedIds.has(e.target))
      .map((e) => ({ source: e.source, target: e.target, label: e.label })),
  };
}

export function pasteClipboard(
  data: ClipboardData,
  existingNodeIds: ReadonlySet<string>,
  existingEdgeIds: ReadonlySet<string>,
  offset: { x: number; y: number } = { x: 40, y: 40 },
): { nodes: GraphNode[]; edges: GraphEdge[]; idMap: Map<string, string> } {
  const taken = new Set(existingNodeIds);
  const idMap = new Map<string, string>();
  const nodes = data.nodes.map((n) => {
    const id = nextNodeId(n.type, taken);
    taken.add(id);
    idMap.set(n.id, id);
    return {
      ...n,
      id,
      items: [...n.items],
      position: n.position ? { x: n.position.x + offset.x, y: n.position.y + offset.y } : null,
    };
  });
  const edgeIds = new Set(existingEdgeIds);
  const edges: GraphEdge[] = [];
  for (const e of data.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const id = edgeIdFor(source, target, edgeIds);
    edgeIds.add(id);
    edges.push({ id, source, target, label: e.label });
  }
  return { nodes, edges, idMap };
}
