/**
 * POST /sessions/{id}/events — every change to a session. Optimistic: the timeline shows the
 * entry at once, the response's `session` replaces the cached one (no refetch), and an error
 * puts the cache back as it was.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { useCurrentUser } from "@/lib/current-user";
import { applyAppended, optimisticEvent, withOptimistic, withoutOptimistic } from "../model/cache";
import type { EventInput, SessionDetail } from "./types";

let counter = 0;

export function useAppendEvent(sessionId: string) {
  const qc = useQueryClient();
  const me = useCurrentUser();
  const key = queryKeys.sessions.detail(sessionId);
  return useMutation({
    mutationKey: ["sessions", "append", sessionId],
    mutationFn: (input: EventInput) =>
      unwrap(api.POST("/api/v1/sessions/{session_id}/events", { params: { path: { session_id: sessionId } }, body: input })),
    onMutate: async (input) => {
      const token = `${Date.now()}-${++counter}`;
      const previous = qc.getQueryData<SessionDetail>(key);
      const event = optimisticEvent(input, token, { id: me.data?.id ?? null, name: me.data?.name ?? null });
      if (previous && event) qc.setQueryData<SessionDetail>(key, withOptimistic(previous, event));
      return { token };
    },
    onSuccess: (result, _input, context) => {
      qc.setQueryData<SessionDetail>(key, (old) => (old ? applyAppended(old, result, context?.token) : old));
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.documentation(sessionId) });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.lists, refetchType: "none" });
    },
    onError: (_error, _input, context) => {
      if (context) qc.setQueryData<SessionDetail>(key, (old) => (old ? withoutOptimistic(old, context.token) : old));
    },
  });
}
