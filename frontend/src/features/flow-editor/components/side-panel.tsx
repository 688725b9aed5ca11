/** The right-hand panel: the selected node, the selected connection, or the flow's settings. */
import { useEditor } from "../model/editor-context";
import { EdgePanel } from "./edge-panel";
import { FlowSettingsPanel } from "./flow-settings-panel";
import { MultiSelectionPanel } from "./multi-selection-panel";
import { NodePanel } from "./node-panel";

export function SidePanel({ flowId, canEdit }: { flowId: string; canEdit: boolean }) {
  const nodeIds = useEditor((s) => s.selectedNodeIds);
  const edgeIds = useEditor((s) => s.selectedEdgeIds);
  const node = useEditor((s) => (s.selectedNodeIds.length === 1 ? s.nodes.find((n) => n.id === s.selectedNodeIds[0]) : undefined));
  const edge = useEditor((s) =>
    s.selectedEdgeIds.length === 1 && s.selectedNodeIds.length === 0 ? s.edges.find((e) => e.id === s.selectedEdgeIds[0]) : undefined,
  );

  let content;
  let label;
  if (node && edgeIds.length === 0) {
    content = <NodePanel key={node.id} node={node} flowId={flowId} canEdit={canEdit} />;
    label = "Node properties";
  } else if (edge) {
    content = <EdgePanel key={edge.id} edge={edge} />;
    label = "Connection properties";
  } else if (nodeIds.length + edgeIds.length > 1) {
    content = <MultiSelectionPanel nodeCount={nodeIds.length} edgeCount={edgeIds.length} />;
    label = "Selection";
  } else {
    content = <FlowSettingsPanel />;
    label = "Flow settings";
  }
  return (
    <aside aria-label={label} className="flex h-full w-80 shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white">
      {content}
    </aside>
  );
}

export function PanelHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-100 bg-white px-4 py-2.5">
      <h2 className="truncate text-sm font-semibold text-slate-900">{title}</h2>
      {children && <div className="flex items-center gap-1">{children}</div>}
    </div>
  );
}
