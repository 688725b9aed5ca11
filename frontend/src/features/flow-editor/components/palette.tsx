/**
 * Buttons that add a node of each type, or a step from the library (linked to it): near the middle
 * of the canvas, or as the next step in the outline.
 */
import { useReactFlow } from "@xyflow/react";
import { type RefObject, useState } from "react";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/flow-graph/layout";
import { NODE_TYPE_LABELS, NODE_TYPES, type NodeType } from "@/lib/flow-graph/types";
import type { LibraryStep } from "@/lib/steps";
import { useEditorStoreApi } from "../model/editor-context";
import type { NodeFields } from "../model/editor-store";
import { nodeFromStep } from "../model/library-link";
import { linearise } from "../model/outline";
import { LibraryPalette } from "./library-palette";

const DOT: Record<NodeType, string> = {
  question: "bg-indigo-500",
  action: "bg-sky-500",
  checklist: "bg-teal-500",
  input: "bg-amber-500",
  resolution: "bg-emerald-500",
  subflow: "bg-violet-500",
};

export function Palette({ view, canvasRef }: { view: "canvas" | "outline"; canvasRef: RefObject<HTMLDivElement | null> }) {
  const store = useEditorStoreApi();
  const rf = useReactFlow();
  const [library, setLibrary] = useState(false);

  function insertStep(step: LibraryStep) {
    setLibrary(false);
    const { type, title, fields } = nodeFromStep(step);
    add(type, title, fields);
  }

  function add(type: NodeType, title?: string, fields?: NodeFields) {
    const s = store.getState();
    if (view === "outline") {
      const outline = linearise(s);
      if (outline.linear) {
        s.insertStep(null, type, title, fields);
        return;
      }
    }
    const el = canvasRef.current;
    let position = { x: 0, y: 0 };
    if (el && view === "canvas") {
      const box = el.getBoundingClientRect();
      const centre = rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      position = { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 };
    } else {
      const lowest = s.nodes.reduce((m, n) => Math.max(m, n.position?.y ?? 0), 0);
      position = { x: 0, y: s.nodes.length ? lowest + NODE_HEIGHT + 40 : 0 };
    }
    // Don't drop a new node exactly on top of one already there.
    const overlaps = (p: { x: number; y: number }) =>
      s.nodes.some((n) => n.position && Math.abs(n.position.x - p.x) < NODE_WIDTH + 16 && Math.abs(n.position.y - p.y) < NODE_HEIGHT + 16);
    // Nearest free spot around the centre, preferring below and beside over above.
    const base = position;
    const cells: { dx: number; dy: number }[] = [];
    for (let dy = -3; dy <= 4; dy++) for (let dx = -3; dx <= 3; dx++) cells.push({ dx, dy });
    const cost = (c: { dx: number; dy: number }) => Math.hypot(c.dx, c.dy < 0 ? 1.5 * -c.dy + 1 : 1.2 * c.dy);
    cells.sort((a, b) => cost(a) - cost(b));
    for (const c of cells) {
      const p = { x: base.x + c.dx * (NODE_WIDTH + 40), y: base.y + c.dy * (NODE_HEIGHT + 40) };
      if (!overlaps(p)) {
        position = p;
        break;
      }
    }
    const id = s.addNode(type, { x: Math.round(position.x), y: Math.round(position.y) }, title, fields);
    if (view === "canvas" && el) {
      // Bring it into view if the free spot is off screen.
      const box = el.getBoundingClientRect();
      const tl = rf.flowToScreenPosition(position);
      const br = rf.flowToScreenPosition({ x: position.x + NODE_WIDTH, y: position.y + NODE_HEIGHT });
      if (tl.x < box.left || tl.y < box.top || br.x > box.right || br.y > box.bottom) store.getState().focusNode(id);
    }
  }

  return (
    <nav aria-label="Add nodes" className="flex w-36 shrink-0 flex-col gap-1 border-r border-slate-200 bg-white p-2">
      <p className="px-1 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Add</p>
      {NODE_TYPES.map((t) => (
        <button
          key={t}
          type="button"
          onClick={() => add(t)}
          aria-label={`Add ${t}`}
          title={`Add a ${NODE_TYPE_LABELS[t].toLowerCase()} node`}
          className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-slate-700 ring-1 ring-slate-200 ring-inset hover:bg-slate-50 hover:ring-slate-300"
        >
          <span className={`size-2.5 rounded-sm ${DOT[t]}`} aria-hidden="true" />
          {NODE_TYPE_LABELS[t]}
        </button>
      ))}
      <p className="px-1 pt-3 pb-1 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Library</p>
      <button
        type="button"
        onClick={() => setLibrary(true)}
        aria-haspopup="dialog"
        title="Search the step library and insert a step, linked to it"
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-indigo-700 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-50"
      >
        <span aria-hidden="true">📚</span>
        Insert step…
      </button>
      {library && <LibraryPalette onInsert={insertStep} onClose={() => setLibrary(false)} />}
    </nav>
  );
}
