/**
 * A proposal's draft on a read-only canvas (pan and zoom), with the change highlighted: added
 * steps and connections in green, changed ones in amber (what was removed is in the list above
 * it, see draft-diff.ts). Loaded lazily (React Flow and dagre are big), by the proposal's page.
 */
import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { useMemo } from "react";
import { FLOW_NODE_TYPES } from "@/components/flow-canvas/flow-node";
import { minimapColour } from "@/components/flow-canvas/minimap";
import { fromFormat, type FormatIn } from "@/lib/flow-graph/convert";
import { layoutGraph, needsLayout } from "@/lib/flow-graph/layout";
import { toRFEdge, toRFNode } from "@/lib/flow-graph/react-flow";
import { type CanvasMarks, edgeKey } from "../model/draft-diff";

export function ProposalCanvas({ document, marks, label }: { document: FormatIn; marks: CanvasMarks; label: string }) {
  const { nodes, edges } = useMemo(() => {
    const graph = fromFormat(document);
    const positions = needsLayout(graph.nodes) ? layoutGraph(graph) : null;
    const nodes = graph.nodes.map((n) => ({
      ...toRFNode(positions ? { ...n, position: positions.get(n.id) ?? n.position } : n, {
        isStart: n.id === graph.start,
        selected: false,
        problem: null,
        diff: marks.nodes.get(n.id) ?? null,
      }),
      draggable: false,
      connectable: false,
    }));
    const edges = graph.edges.map((e) => toRFEdge(e, { selected: false, diff: marks.edges.get(edgeKey(e)) ?? null }));
    return { nodes, edges };
  }, [document, marks]);

  return (
    <div className="h-full w-full" data-testid="proposal-canvas" role="region" aria-label={label}>
      <ReactFlowProvider>
        <ReactFlow
          defaultNodes={nodes}
          defaultEdges={edges}
          nodeTypes={FLOW_NODE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements
          fitView
          minZoom={0.1}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={16} />
          <MiniMap pannable zoomable nodeColor={minimapColour} ariaLabel="Mini map" />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
