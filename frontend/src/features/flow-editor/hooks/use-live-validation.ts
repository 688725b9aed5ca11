/** Validates the local graph shortly after each change, and puts the problems in the store. */
import { useEffect, useRef, useState } from "react";
import { toFormat } from "@/lib/flow-graph/convert";
import type { GraphProblem } from "@/lib/flow-graph/types";
import { ApiError, errorMessage } from "@/lib/problem";
import { validateGraph } from "../api/validate-graph";
import { type EditorStore, graphOf } from "../model/editor-store";
import { afterNextPaint } from "./use-after-first-paint";

export const VALIDATE_DELAY_MS = 500;

/** A 422 on the graph's shape (e.g. an over-long title) becomes problems tied to nodes. */
export function shapeProblems(err: ApiError, nodeIds: readonly string[]): GraphProblem[] {
  const errors = err.problem.errors;
  if (errors.length === 0) return [{ code: "invalid", message: err.problem.detail, node_id: null, severity: "error" }];
  return errors.map((e) => {
    const loc = e.loc[0] === "body" ? e.loc.slice(1) : e.loc;
    const msg = e.msg.replace(/^(Value|Assertion) error, /, "");
    if (loc[0] === "nodes" && typeof loc[1] === "number") {
      const field = loc.slice(2).join(".");
      return { code: "shape", message: `${field ? `${field}: ` : ""}${msg}`, node_id: nodeIds[loc[1]] ?? null, severity: "error" };
    }
    if (loc[0] === "title" && loc.length === 1) return { code: "shape", message: `Flow title: ${msg}`, node_id: null, severity: "error" };
    return { code: "shape", message: `${loc.join(".")}: ${msg}`, node_id: null, severity: "error" };
  });
}

export function useLiveValidation(store: EditorStore, flowId: string) {
  const [status, setStatus] = useState<"checking" | "done" | "unavailable">("checking");
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    let timer: number | undefined;
    const run = async () => {
      controller.current?.abort();
      const ac = new AbortController();
      controller.current = ac;
      const graph = graphOf(store.getState());
      setStatus("checking");
      try {
        const report = await validateGraph(toFormat(graph), flowId, ac.signal);
        if (ac.signal.aborted) return;
        store.getState().setProblems(report.problems);
        setStatus("done");
        setError(null);
      } catch (err) {
        if (ac.signal.aborted) return;
        if (err instanceof ApiError && err.status === 422) {
          store.getState().setProblems(shapeProblems(err, graph.nodes.map((n) => n.id)));
          setStatus("done");
          setError(null);
        } else {
          setStatus("unavailable");
          setError(errorMessage(err));
        }
      }
    };
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void run(), VALIDATE_DELAY_MS);
    };
    // The first check waits for the editor's first frame: serialising a big graph can wait that long.
    const cancelFirst = afterNextPaint(() => void run());
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.nodes !== prev.nodes || s.edges !== prev.edges || s.meta !== prev.meta || s.start !== prev.start) schedule();
    });
    return () => {
      cancelFirst();
      unsubscribe();
      window.clearTimeout(timer);
      controller.current?.abort();
    };
  }, [store, flowId]);

  return { status, error };
}
