/**
 * Autosave: about a second after the last edit, PUT the draft with the revision it was based on.
 * The status follows `autosave-machine.ts`; a 409 stops autosaving until the person chooses to
 * reload the other version or overwrite it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { toFormat } from "@/lib/flow-graph/convert";
import { ApiError, errorMessage } from "@/lib/problem";
import { saveDraft } from "../api/save-draft";
import type { FlowRead } from "../api/types";
import { autosaveReducer, initialAutosave } from "../model/autosave-machine";
import { editorGraphFrom } from "../model/editor-graph";
import { type EditorStore, graphOf, trackedOf } from "../model/editor-store";

export const AUTOSAVE_DELAY_MS = 1000;

export function useAutosave(store: EditorStore, flowId: string, initialRevision: number) {
  const [state, dispatch] = useReducer(autosaveReducer, initialAutosave);
  const stateRef = useRef(state);
  stateRef.current = state;
  const revision = useRef(initialRevision);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const suppress = useRef(false);
  const qc = useQueryClient();

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (suppress.current) return;
        if (s.nodes !== prev.nodes || s.edges !== prev.edges || s.meta !== prev.meta || s.start !== prev.start) {
          dispatch({ type: "edit" });
        }
      }),
    [store],
  );

  const save = useCallback(
    (opts: { force?: boolean } = {}): Promise<boolean> => {
      const run = async (): Promise<boolean> => {
        const snapshot = trackedOf(store.getState());
        dispatch({ type: "save-start" });
        const body = toFormat(graphOf(snapshot));
        try {
          const flow = await saveDraft(flowId, opts.force ? body : { ...body, revision: revision.current });
          revision.current = flow.draft_revision;
          dispatch({ type: "save-ok" });
          void qc.invalidateQueries({ queryKey: queryKeys.flows.lists });
          return true;
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) {
            dispatch({ type: "save-conflict", message: err.problem.detail });
          } else {
            dispatch({ type: "save-failed", message: errorMessage(err) });
          }
          return false;
        }
      };
      const previous = inFlight.current;
      const p = (previous ? previous.then(run) : run()).finally(() => {
        if (inFlight.current === p) inFlight.current = null;
      });
      inFlight.current = p;
      return p;
    },
    [flowId, qc, store],
  );

  useEffect(() => {
    if (state.status !== "dirty") return;
    const t = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(t);
  }, [state, save]);

  /** Replace the local draft with the server's (conflict reload, restore): also resets undo. */
  const adopt = useCallback(
    (flow: Pick<FlowRead, "draft" | "draft_revision">) => {
      suppress.current = true;
      try {
        store.getState().load(editorGraphFrom(flow));
      } finally {
        suppress.current = false;
      }
      revision.current = flow.draft_revision;
      dispatch({ type: "reset" });
    },
    [store],
  );

  const reloadTheirs = useCallback(async () => {
    const flow = await unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: flowId } } }));
    adopt(flow);
  }, [adopt, flowId]);

  /** Saves now if anything is unsaved; resolves true when the server has the current draft. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (stateRef.current.status === "saved" && !stateRef.current.pendingEdits) return true;
    if (stateRef.current.status === "conflict") return false;
    return save();
  }, [save]);

  return {
    state,
    save,
    flush,
    overwrite: () => save({ force: true }),
    reloadTheirs,
    adopt,
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
