/**
 * The path view: the flow's graph (laid out by dagre, drawn read-only by React Flow) where each
 * step shows how many runs reached it, how many left the flow there and the median time on it,
 * coloured by drop-off; each edge shows how often it was taken.
 */
import "@xyflow/react/dist/style.css";
import { Background, Controls, type Edge, Handle, type Node, type NodeProps, Position, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { memo, useMemo } from "react";
import { cn } from "@/lib/cn";
import { layoutGraph } from "@/lib/flow-graph/layout";
import type { FlowAnalytics, NodeFigures } from "../api/types";
import { formatCount, formatRate, formatSeconds } from "../model/format";
import { BAND_CLASSES, BAND_LABELS, currentGraph, type DropBand, dropBand, dropShare, edgeWidth } from "../model/path";

type StepData = { figures: NodeFigures; band: DropBand };
type StepNode = Node<StepData, "path-step">;

const TYPE_LABELS: Record<string, string> = {
  question: "Question",
  action: "Action",
  checklist: "Checklist",
  input: "Input",
  resolution: "Resolution",
  subflow: "Subflow",
};

export function stepSummary(n: NodeFigures): string {
  const share = dropShare(n);
  return (
    `${n.title}: reached by ${n.reached}, ${n.dropped} dropped` +
    (share === null ? "" : ` (${formatRate(share)})`) +
    (n.median_seconds == null ? ", median not measured" : `, median ${formatSeconds(n.median_seconds)}`)
  );
}

function StepCard({ data }: NodeProps<StepNode>) {
  const { figures: n, band } = data;
  const share = dropShare(n);
  return (
    <div
      data-testid={`path-node-${n.node_id}`}
      data-band={band}
      className={cn("w-[220px] rounded-lg bg-white px-2.5 py-2 text-left shadow-sm ring-2", BAND_CLASSES[band].ring)}
    >
      <Handle type="target" position={Position.Top} className="!size-2 !border-0 !bg-slate-400" isConnectable={false} />
      <p className="text-[10px] font-semibold tracking-wide text-slate-500 uppercase">{TYPE_LABELS[n.type ?? ""] ?? n.type ?? "Step"}</p>
      <p className="line-clamp-2 text-[13px] leading-snug font-medium text-slate-900">{n.title}</p>
      <dl className="mt-1 grid grid-cols-3 gap-1 text-[11px] leading-tight">
        <div>
          <dt className="text-slate-500">Reached</dt>
          <dd className="font-semibold text-slate-900 tabular-nums">{formatCount(n.reached)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Dropped</dt>
          <dd className="font-semibold text-slate-900 tabular-nums">
            {formatCount(n.dropped)}
            {share !== null && n.dropped > 0 && <span className="font-normal text-slate-500"> {formatRate(share)}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Median</dt>
          <dd className="font-semibold text-slate-900 tabular-nums">{formatSeconds(n.median_seconds)}</dd>
        </div>
      </dl>
      {n.type !== "resolution" && (
        <Handle type="source" position={Position.Bottom} className="!size-2 !border-0 !bg-slate-400" isConnectable={false} />
      )}
    </div>
  );
}

const NODE_TYPES = { "path-step": memo(StepCard) };

export function PathView({ flow }: { flow: FlowAnalytics }) {
  const { nodes, edges } = useMemo(() => {
    const graph = currentGraph(flow.nodes, flow.edges);
    const positions = layoutGraph({ nodes: graph.nodes.map((n) => ({ id: n.node_id })), edges: graph.edges });
    const maxTaken = Math.max(0, ...graph.edges.map((e) => e.taken));
    const rfNodes: StepNode[] = graph.nodes.map((n) => ({
      id: n.node_id,
      type: "path-step",
      position: positions.get(n.node_id) ?? { x: 0, y: 0 },
      data: { figures: n, band: dropBand(n) },
      ariaLabel: stepSummary(n),
      draggable: false,
      connectable: false,
    }));
    const rfEdges: Edge[] = graph.edges.map((e, i) => ({
      id: `e${i}-${e.source}-${e.target}`,
      source: e.source,
      target: e.target,
      label: `${e.label ? `${e.label} · ` : ""}${formatCount(e.taken)}`,
      ariaLabel: `${e.label ? `${e.label}: ` : ""}taken ${e.taken} times`,
      style: { stroke: e.taken > 0 ? "#4f46e5" : "#cbd5e1", strokeWidth: edgeWidth(e.taken, maxTaken), strokeDasharray: e.taken > 0 ? undefined : "4 3" },
      labelStyle: { fontSize: 11, fontWeight: 500 },
      labelBgPadding: [4, 2] as [number, number],
      labelBgBorderRadius: 4,
    }));
    return { nodes: rfNodes, edges: rfEdges };
  }, [flow]);

  if (nodes.length === 0) {
    return <p className="text-sm text-slate-500">This flow has no published steps to draw.</p>;
  }
  return (
    <div className="space-y-2">
      <Legend />
      <div className="h-[560px] overflow-hidden rounded-lg bg-slate-50 ring-1 ring-slate-200" role="region" aria-label="Flow path diagram" data-testid="path-view">
        <ReactFlowProvider>
          <ReactFlow
            key={flow.flow_id}
            defaultNodes={nodes}
            defaultEdges={edges}
            nodeTypes={NODE_TYPES}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            fitView
            minZoom={0.1}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={16} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
    </div>
  );
}

function Legend() {
  return (
    <ul aria-label="Drop-off colours" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {(Object.keys(BAND_LABELS) as DropBand[]).map((band) => (
        <li key={band} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={cn("inline-block size-2.5 rounded-sm", BAND_CLASSES[band].swatch)} />
          {BAND_LABELS[band]}
        </li>
      ))}
      <li className="text-slate-500">Edges: times taken (wider = more)</li>
    </ul>
  );
}
