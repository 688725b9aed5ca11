import { queryOptions, usePrefetchQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { EditorGraph } from "@/lib/flow-graph/types";
import { editorGraphFrom } from "../model/editor-graph";
import type { FlowRead } from "./types";

export const flowQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.flows.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id } }, signal })),
  });

/** The flow, and its draft as the editor graph it opens with (laid out already if it had to be). */
export interface EditorFlow {
  flow: FlowRead;
  graph: EditorGraph;
}

export const editorFlowQuery = (id: string) =>
  queryOptions({
    queryKey: [...queryKeys.flows.detail(id), "editor"] as const,
    queryFn: async ({ signal }): Promise<EditorFlow> => {
      const flow = await unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id } }, signal }));
      // Laying out a big draft without positions takes a while: do it as soon as the draft is
      // here, not in the middle of the editor's first render.
      return { flow, graph: editorGraphFrom(flow) };
    },
    staleTime: Number.POSITIVE_INFINITY,
    // Only long enough to carry the request started while rendering over to the query's first
    // subscriber (see useEditorFlow); the editor drops it when it closes.
    gcTime: 3000,
    // A failed request made while rendering is the answer; "Try again" asks again.
    retryOnMount: false,
    // The graph is the editor's starting point, not something to merge with an earlier answer.
    structuralSharing: false,
  });

/**
 * The flow as the editor opens it: always fetched fresh (never a cached copy that could be
 * older than the stored draft), and never refetched behind the editor's back.
 *
 * The request starts while the page first renders, not when it first commits (when the query
 * subscribes): on a cold load React holds back the commit of a lazily loaded page for up to
 * 300 ms after its "Loading…" fallback appeared, and the request and the layout fit in that
 * wait. The query cache, not the component, holds that request: React may throw away a first
 * render and start again, and the request must not be made twice.
 */
export function useEditorFlow(id: string) {
  const qc = useQueryClient();
  const options = editorFlowQuery(id);
  usePrefetchQuery(options);
  useEffect(
    () => () => {
      // Closing the editor forgets the draft as it was opened, so the next opening fetches it
      // again. Not after StrictMode's rehearsal unmount: the query has its observer back by then.
      window.setTimeout(() => {
        const query = qc.getQueryCache().find({ queryKey: options.queryKey, exact: true });
        if (query && query.getObserversCount() === 0) qc.getQueryCache().remove(query);
      }, 0);
    },
    [qc, id],
  );
  return useQuery(options);
}
