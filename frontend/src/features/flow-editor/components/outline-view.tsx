/**
 * The draft as an ordered list of steps (procedural and maintenance flows). Reordering — by drag,
 * or with the move buttons — rewires the connections to follow the new order.
 */
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { type GraphNode, NODE_TYPE_LABELS } from "@/lib/flow-graph/types";
import { useEditor, useEditorStoreApi } from "../model/editor-context";
import { linearise, moveItem } from "../model/outline";
import { IconButton } from "./node-panel";

export function OutlineView() {
  const store = useEditorStoreApi();
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const start = useEditor((s) => s.start);
  const selected = useEditor((s) => s.selectedNodeIds);
  const problems = useEditor((s) => s.problems);
  const outline = useMemo(() => linearise({ nodes, edges, start }), [nodes, edges, start]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const withProblems = useMemo(() => new Set(problems.filter((p) => p.severity === "error").map((p) => p.node_id)), [problems]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  if (!outline.linear) {
    return (
      <section aria-label="Outline" className="h-full overflow-y-auto bg-slate-50 p-6">
        <div role="note" className="mx-auto max-w-2xl rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          <p className="font-medium">This flow isn't a simple sequence of steps.</p>
          <p className="mt-1">{outline.reason} Use the canvas to edit it; the outline only reorders linear flows.</p>
        </div>
        <ol className="mx-auto mt-4 max-w-2xl space-y-1">
          {outline.nodes.map((id) => {
            const n = byId.get(id);
            if (!n) return null;
            return (
              <li key={id}>
                <button
                  type="button"
                  onClick={() => store.getState().select([id])}
                  className={cn(
                    "flex w-full items-center gap-2 rounded-md bg-white px-3 py-2 text-left text-sm ring-1 ring-slate-200 ring-inset hover:ring-slate-300",
                    selected.includes(id) && "ring-2 ring-indigo-500",
                  )}
                >
                  <TypeChip node={n} />
                  <span className="truncate">{n.title || "Untitled"}</span>
                  {id === start && <span className="ml-auto text-[10px] font-semibold text-slate-500 uppercase">Start</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </section>
    );
  }

  const steps = outline.steps;
  const reorder = (order: string[]) => store.getState().reorderSteps(order);
  function onDragEnd(e: DragEndEvent) {
    if (!e.over || e.active.id === e.over.id) return;
    const from = steps.indexOf(String(e.active.id));
    const to = steps.indexOf(String(e.over.id));
    reorder(moveItem(steps, from, to));
  }

  return (
    <section aria-label="Outline" className="h-full overflow-y-auto bg-slate-50 p-6">
      <div className="mx-auto max-w-2xl">
        {steps.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-500">
            No steps yet. Add the first one.
          </div>
        ) : (
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
            <SortableContext items={steps} strategy={verticalListSortingStrategy}>
              <ol className="space-y-1.5" aria-label="Steps">
                {steps.map((id, i) => {
                  const n = byId.get(id);
                  return n ? (
                    <OutlineStep
                      key={id}
                      node={n}
                      index={i}
                      count={steps.length}
                      selected={selected.includes(id)}
                      hasError={withProblems.has(id)}
                      onMove={(d) => reorder(moveItem(steps, i, i + d))}
                    />
                  ) : null;
                })}
              </ol>
            </SortableContext>
          </DndContext>
        )}
        <div className="mt-3 flex gap-2">
          <Button variant="secondary" size="sm" onClick={() => store.getState().insertStep(null, "action")}>
            Add step at end
          </Button>
          {steps.length > 0 && !steps.some((id) => byId.get(id)?.type === "resolution") && (
            <Button variant="ghost" size="sm" onClick={() => store.getState().insertStep(null, "resolution", "Done")}>
              Add final resolution
            </Button>
          )}
        </div>
        {outline.detached.length > 0 && (
          <div className="mt-6">
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Not in the sequence</h3>
            <ul className="mt-1.5 space-y-1">
              {outline.detached.map((id) => {
                const n = byId.get(id);
                if (!n) return null;
                return (
                  <li key={id} className="flex items-center gap-2 rounded-md bg-white px-3 py-1.5 text-sm ring-1 ring-slate-200 ring-inset">
                    <TypeChip node={n} />
                    <button type="button" className="min-w-0 flex-1 truncate text-left" onClick={() => store.getState().select([id])}>
                      {n.title || "Untitled"}
                    </button>
                    <Button variant="ghost" size="sm" onClick={() => reorder([...steps, id])}>
                      Append<span className="sr-only"> {n.title || id} to the steps</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

function TypeChip({ node }: { node: GraphNode }) {
  return (
    <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-slate-600 uppercase">
      {NODE_TYPE_LABELS[node.type]}
    </span>
  );
}

const OutlineStep = memo(function OutlineStep({
  node,
  index,
  count,
  selected,
  hasError,
  onMove,
}: {
  node: GraphNode;
  index: number;
  count: number;
  selected: boolean;
  hasError: boolean;
  onMove: (delta: number) => void;
}) {
  const store = useEditorStoreApi();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: node.id });
  const name = node.title || `step ${index + 1}`;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid={`step-${node.id}`}
      onClick={() => store.getState().select([node.id])}
      className={cn(
        "flex items-center gap-2 rounded-md bg-white px-2 py-1.5 ring-1 ring-slate-200 ring-inset",
        selected && "ring-2 ring-indigo-500",
        hasError && !selected && "ring-red-300",
        isDragging && "z-10 shadow-lg",
      )}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Drag to reorder ${name}`}
        className="cursor-grab touch-none rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
      >
        ⠿
      </button>
      <span className="w-5 text-right text-xs font-medium text-slate-400">{index + 1}</span>
      <TypeChip node={node} />
      <input
        aria-label={`Step ${index + 1} title`}
        value={node.title}
        maxLength={200}
        placeholder="Untitled step"
        onFocus={() => store.getState().select([node.id])}
        onChange={(e) => store.getState().updateNode(node.id, { title: e.target.value }, "title")}
        className="min-w-0 flex-1 rounded border-0 bg-transparent px-1.5 py-1 text-sm text-slate-900 hover:bg-slate-50 focus:bg-white focus:ring-2 focus:ring-indigo-500 focus:outline-none"
      />
      <IconButton label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
        ↑
      </IconButton>
      <IconButton label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
        ↓
      </IconButton>
      <IconButton label={`Add step after ${name}`} onClick={() => store.getState().insertStep(node.id, "action")}>
        +
      </IconButton>
      <IconButton label={`Delete ${name}`} onClick={() => store.getState().removeStep(node.id)}>
        ✕
      </IconButton>
    </li>
  );
});
