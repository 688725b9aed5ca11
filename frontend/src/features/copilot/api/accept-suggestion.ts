/**
 * Accepting a copilot suggestion: POST /sessions/{id}/events {type: "accept_suggestion"}. The
 * response's events go straight into the cached session (the timeline and this panel update
 * without a refetch); the documentation is re-fetched.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { EventsAppended, SessionDetail } from "./types";

export interface AcceptInput {
  replySeq: number;
  index: number;
}

/** Adds the appended events to the cached detail (merged by seq; session fields only move forward). */
export function mergeAppended(detail: SessionDetail, result: EventsAppended): SessionDetail {
  const known = new Set(detail.timeline.map((e) => e.seq));
  const timeline = [...detail.timeline, ...result.events.filter((e) => !known.has(e.seq))].sort((a, b) => a.seq - b.seq);
  const session = result.session.last_seq >= detail.last_seq ? result.session : detail;
  return { ...detail, ...session, timeline } as SessionDetail;
}

export function useAcceptSuggestion(sessionId: string) {
  const qc = useQueryClient();
  const key = queryKeys.sessions.detail(sessionId);
  return useMutation({
    mutationKey: ["sessions", "append", sessionId, "accept-suggestion"],
    mutationFn: ({ replySeq, index }: AcceptInput) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/events", {
          params: { path: { session_id: sessionId } },
          body: { type: "accept_suggestion", reply_seq: replySeq, index },
        }),
      ),
    onSuccess: (result) => {
      qc.setQueryData<SessionDetail>(key, (old) => (old ? mergeAppended(old, result) : old));
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.documentation(sessionId) });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.lists, refetchType: "none" });
    },
  });
}
