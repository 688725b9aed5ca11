/** A flow's draft as the editor opens it. */
import { fromFormat } from "@/lib/flow-graph/convert";
import { layoutGraph, needsLayout } from "@/lib/flow-graph/layout";
import type { EditorGraph } from "@/lib/flow-graph/types";
import type { FlowRead } from "../api/types";

/** The draft as an editor graph: laid out when some node has no position. */
export function editorGraphFrom(flow: Pick<FlowRead, "draft">): EditorGraph {
  const g = fromFormat(flow.draft as Parameters<typeof fromFormat>[0]);
  if (!needsLayout(g.nodes)) return g;
  const pos = layoutGraph(g);
  return { ...g, nodes: g.nodes.map((n) => (n.position ? n : { ...n, position: pos.get(n.id) ?? null })) };
}
