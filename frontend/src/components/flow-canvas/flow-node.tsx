/**
 * The canvas node for every node type: a card with the type, the title, a short preview of the
 * body and the type's key detail. Memoised: React Flow re-renders it only when its data object
 * changes (see RFNodeCache).
 */
import { Handle, type NodeProps, type NodeTypes, Position } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/lib/cn";
import { bodyPreview } from "@/lib/flow-graph/convert";
import type { FlowRFNode } from "@/lib/flow-graph/react-flow";
import { NODE_TYPE_LABELS, type NodeType, OUTCOME_LABELS } from "@/lib/flow-graph/types";

const TYPE_STYLE: Record<NodeType, { bar: string; chip: string; icon: string }> = {
  question: { bar: "bg-indigo-500", chip: "bg-indigo-50 text-indigo-700", icon: "?" },
  action: { bar: "bg-sky-500", chip: "bg-sky-50 text-sky-700", icon: "▶" },
  checklist: { bar: "bg-teal-500", chip: "bg-teal-50 text-teal-700", icon: "☑" },
  input: { bar: "bg-amber-500", chip: "bg-amber-50 text-amber-800", icon: "✎" },
  resolution: { bar: "bg-emerald-500", chip: "bg-emerald-50 text-emerald-700", icon: "■" },
  subflow: { bar: "bg-violet-500", chip: "bg-violet-50 text-violet-700", icon: "↪" },
};

const OUTCOME_STYLE = {
  resolved: { bar: "bg-emerald-500", chip: "bg-emerald-50 text-emerald-700" },
  unresolved: { bar: "bg-slate-500", chip: "bg-slate-100 text-slate-700" },
  escalate: { bar: "bg-rose-500", chip: "bg-rose-50 text-rose-700" },
} as const;

function detail(n: FlowRFNode["data"]["node"]): string | null {
  switch (n.type) {
    case "checklist":
      return n.items.length === 0 ? "No items yet" : `${n.items.length} item${n.items.length === 1 ? "" : "s"}`;
    case "input":
      return n.variable ? `Saves {{${n.variable}}}` : "No variable yet";
    case "subflow":
      return n.flow_id ? "Runs another flow" : "No flow chosen";
    default:
      return null;
  }
}

function FlowNodeCard({ data, selected }: NodeProps<FlowRFNode>) {
  const { node, isStart, problem, diff } = data;
  const style = TYPE_STYLE[node.type];
  const outcome = node.type === "resolution" ? OUTCOME_STYLE[node.outcome] : null;
  const preview = bodyPreview(node.body);
  const extra = detail(node);
  const problemText = problem ? problem.messages.join(" ") : undefined;
  return (
    <div
      data-testid={`node-${node.id}`}
      title={problemText}
      aria-description={problemText}
      className={cn(
        "relative w-[220px] rounded-lg bg-white text-left shadow-sm ring-1 transition-shadow",
        selected ? "shadow-md ring-2 ring-indigo-500" : "ring-slate-300",
        problem?.severity === "error" && !selected && "ring-2 ring-red-500",
        problem?.severity === "warning" && !selected && "ring-2 ring-amber-400",
        diff === "added" && "outline-[3px] outline-offset-2 outline-emerald-500 outline-solid",
        diff === "changed" && "outline-[3px] outline-offset-2 outline-amber-500 outline-solid",
      )}
    >
      <Handle type="target" position={Position.Top} className="!size-2.5 !border-2 !border-white !bg-slate-400" />
      <div className={cn("h-1 rounded-t-lg", outcome?.bar ?? style.bar)} aria-hidden="true" />
      <div className="px-2.5 pt-1.5 pb-2">
        <div className="flex items-center gap-1.5 text-[10px] font-semibold tracking-wide uppercase">
          <span className={cn("inline-flex items-center gap-1 rounded px-1 py-px", outcome?.chip ?? style.chip)}>
            <span aria-hidden="true">{style.icon}</span>
            {node.type === "resolution" ? `${NODE_TYPE_LABELS.resolution} · ${OUTCOME_LABELS[node.outcome]}` : NODE_TYPE_LABELS[node.type]}
          </span>
          {isStart && <span className="rounded bg-slate-800 px-1 py-px text-white">Start</span>}
          {node.step_id && (
            <span className="rounded bg-indigo-50 px-1 py-px text-indigo-700 ring-1 ring-indigo-200 ring-inset" title="Linked to a step in the step library" data-testid="library-chip">
              Library
            </span>
          )}
          {problem && (
            <span
              className={cn(
                "ml-auto grid size-4 place-items-center rounded-full text-[10px] text-white",
                problem.severity === "error" ? "bg-red-600" : "bg-amber-500",
              )}
              aria-hidden="true"
            >
              !
            </span>
          )}
        </div>
        <p className={cn("mt-1 line-clamp-2 text-[13px] leading-snug font-medium", node.title ? "text-slate-900" : "text-slate-400 italic")}>
          {node.title || "Untitled"}
        </p>
        {preview && <p className="mt-0.5 line-clamp-2 text-[11px] leading-snug text-slate-500">{preview}</p>}
        {extra && <p className="mt-0.5 truncate font-mono text-[10px] text-slate-500">{extra}</p>}
      </div>
      {node.type !== "resolution" && (
        <Handle type="source" position={Position.Bottom} className="!size-2.5 !border-2 !border-white !bg-indigo-500" />
      )}
    </div>
  );
}

export const FlowNode = memo(FlowNodeCard);

/** Stable (module-level) so React Flow doesn't remount nodes on every render. */
export const FLOW_NODE_TYPES: NodeTypes = {
  "flow-question": FlowNode,
  "flow-action": FlowNode,
  "flow-checklist": FlowNode,
  "flow-input": FlowNode,
  "flow-resolution": FlowNode,
  "flow-subflow": FlowNode,
};
