/** The live validation results: click one to go to its node (or connection). */
import { useState } from "react";
import { cn } from "@/lib/cn";
import type { GraphProblem } from "@/lib/flow-graph/types";
import { plural } from "@/lib/format";
import { useEditor, useEditorStoreApi } from "../model/editor-context";

export function problemCounts(problems: readonly GraphProblem[]) {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function ProblemsPanel({
  status,
  error,
  onGoTo,
}: {
  status: "checking" | "done" | "unavailable";
  error: string | null;
  onGoTo: () => void;
}) {
  const store = useEditorStoreApi();
  const problems = useEditor((s) => s.problems);
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const [open, setOpen] = useState(true);
  const { errors, warnings } = problemCounts(problems);

  function go(p: GraphProblem) {
    if (p.node_id && nodes.some((n) => n.id === p.node_id)) {
      onGoTo();
      store.getState().focusNode(p.node_id);
    } else if (p.edge) {
      const e = edges.find((x) => x.source === p.edge?.source && x.target === p.edge?.target);
      if (e) store.getState().select([], [e.id]);
    }
  }

  return (
    <section aria-label="Problems" id="editor-problems" className="shrink-0 border-t border-slate-200 bg-white">
      <div className="flex items-center gap-3 px-3 py-1.5">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="flex items-center gap-1.5 text-xs font-semibold text-slate-700"
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          Problems
        </button>
        <span className="text-xs text-slate-500" aria-live="polite">
          {status === "checking"
            ? "Checking…"
            : status === "unavailable"
              ? `Couldn't check the flow: ${error ?? "unknown error"}`
              : errors + warnings === 0
                ? "No problems found"
                : `${plural(errors, "error")}, ${plural(warnings, "warning")}`}
        </span>
      </div>
      {open && problems.length > 0 && (
        <ul className="max-h-36 overflow-y-auto px-2 pb-2">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.node_id ?? ""}-${i}`}>
              <button
                type="button"
                onClick={() => go(p)}
                className={cn(
                  "flex w-full items-start gap-2 rounded px-2 py-1 text-left text-xs hover:bg-slate-50",
                  p.severity === "error" ? "text-red-800" : "text-amber-900",
                )}
              >
                <span
                  className={cn(
                    "mt-px shrink-0 rounded px-1 text-[10px] font-semibold uppercase",
                    p.severity === "error" ? "bg-red-100 text-red-700" : "bg-amber-100 text-amber-800",
                  )}
                >
                  {p.severity === "error" ? "Error" : "Warning"}
                </span>
                <span className="min-w-0 flex-1">{p.message}</span>
                {p.node_id && <span className="shrink-0 font-mono text-[10px] text-slate-400">{p.node_id}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
