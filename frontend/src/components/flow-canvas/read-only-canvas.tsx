/** A flow graph on a canvas you can pan and zoom but not edit (the preview page). */
import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { useMemo } from "react";
import { layoutGraph, needsLayout } from "@/lib/flow-graph/layout";
import { toRFEdge, toRFNode } from "@/lib/flow-graph/react-flow";
import type { EditorGraph } from "@/lib/flow-graph/types";
import { FLOW_NODE_TYPES } from "./flow-node";
import { minimapColour } from "./minimap";

export function ReadOnlyCanvas({
  graph,
  onNodeClick,
  label = "Flow diagram",
}: {
  graph: EditorGraph;
  onNodeClick?: (id: string) => void;
  label?: string;
}) {
  const { nodes, edges } = useMemo(() => {
    const positions = needsLayout(graph.nodes) ? layoutGraph(graph) : null;
    return {
      nodes: graph.nodes.map((n) => ({
        ...toRFNode(positions ? { ...n, position: positions.get(n.id) ?? n.position } : n, {
          isStart: n.id === graph.start,
          selected: false,
          problem: null,
          diff: null,
        }),
        draggable: false,
        connectable: false,
      })),
      edges: graph.edges.map((e) => toRFEdge(e, { selected: false, diff: null })),
    };
  }, [graph]);
  const graphKey = useGraphKey(graph);

  return (
    <div className="h-full w-full" data-testid="flow-canvas" role="region" aria-label={label}>
      <ReactFlowProvider>
        <ReactFlow
          // Uncontrolled: React Flow keeps the measured sizes itself (the minimap needs them).
          key={graphKey}
          defaultNodes={nodes}
          defaultEdges={edges}
          nodeTypes={FLOW_NODE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={Boolean(onNodeClick)}
          onNodeClick={onNodeClick ? (_, n) => onNodeClick(n.id) : undefined}
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

const keys = new WeakMap<EditorGraph, number>();
let nextKey = 1;
/** A new key per graph object, so a different version remounts the canvas. */
function useGraphKey(graph: EditorGraph): number {
  let k = keys.get(graph);
  if (k === undefined) {
    k = nextKey++;
    keys.set(graph, k);
  }
  return k;
}
