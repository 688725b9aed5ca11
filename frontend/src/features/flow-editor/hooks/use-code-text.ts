/**
 * Code mode's text, kept in step with the editor store. The store's graph stays the one source
 * of truth: the text is written from it, and a valid edit is read (against the current graph)
 * and applied to it after a short pause; an invalid edit is only shown with its errors. When the
 * graph changes from elsewhere (canvas, side panel, undo, a reload) the text is written afresh.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { graphToText, type TextError, textToGraph } from "@/lib/flow-graph/flow-text";
import type { EditorGraph } from "@/lib/flow-graph/types";
import { graphOf } from "../model/editor-store";
import type { EditorStore } from "../model/editor-store";

export const APPLY_DELAY_MS = 400;

const sameGraph = (a: EditorGraph, b: EditorGraph) => a.meta === b.meta && a.start === b.start && a.nodes === b.nodes && a.edges === b.edges;

export interface CodeText {
  text: string;
  errors: TextError[];
  /** The text differs from what the graph says and hasn't been applied (pending or invalid). */
  unapplied: boolean;
  setText(text: string): void;
  /** Applies a pending edit now (e.g. before leaving code mode); false when the text is invalid. */
  flush(): boolean;
  /** Drops unapplied edits: the text shows the graph again. */
  revert(): void;
}

export function useCodeText(store: EditorStore): CodeText {
  const [text, setTextState] = useState(() => graphToText(graphOf(store.getState())));
  const [errors, setErrors] = useState<TextError[]>([]);
  const [unapplied, setUnapplied] = useState(false);
  const textRef = useRef(text);
  const pending = useRef<number | null>(null);
  /** The graph this text produced: the store changing to it is not a change "from elsewhere". */
  const applied = useRef<EditorGraph>(graphOf(store.getState()));

  const show = useCallback((t: string) => {
    textRef.current = t;
    setTextState(t);
  }, []);

  const cancel = useCallback(() => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
  }, []);

  const apply = useCallback((): boolean => {
    cancel();
    const current = graphOf(store.getState());
    const result = textToGraph(textRef.current, current);
    if (!result.ok) {
      setErrors(result.errors);
      setUnapplied(true);
      return false;
    }
    setErrors([]);
    setUnapplied(false);
    applied.current = result.graph;
    store.getState().replaceGraph(result.graph, "code");
    return true;
  }, [store, cancel]);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        const now = graphOf(s);
        if (sameGraph(now, graphOf(prev)) || sameGraph(now, applied.current)) return;
        cancel();
        applied.current = now;
        show(graphToText(now));
        setErrors([]);
        setUnapplied(false);
      }),
    [store, cancel, show],
  );

  // Leaving code mode applies a pending valid edit; an invalid one is dropped (the graph stays).
  useEffect(
    () => () => {
      if (pending.current !== null) apply();
    },
    [apply],
  );

  const setText = useCallback(
    (t: string) => {
      show(t);
      setUnapplied(true);
      cancel();
      pending.current = window.setTimeout(apply, APPLY_DELAY_MS);
    },
    [show, cancel, apply],
  );

  const flush = useCallback(() => (pending.current === null && errors.length === 0 ? true : apply()), [apply, errors.length]);

  const revert = useCallback(() => {
    cancel();
    const now = graphOf(store.getState());
    applied.current = now;
    show(graphToText(now));
    setErrors([]);
    setUnapplied(false);
  }, [store, cancel, show]);

  return { text, errors, unapplied, setText, flush, revert };
}
