/**
 * Keeps the PSA state and the session's timeline in step, both ways:
 * - a PSA event landing on the timeline (from the live stream, an append's response, a 409
 *   refresh…) refetches the PSA state: a push was queued, sent or failed, a ticket linked;
 * - a push changing state in the PSA state (polled while one is in flight, also after the
 *   session ended and the live stream stopped) refetches the session, so its timeline shows it.
 * Nothing is refetched on the first render.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { queryKeys } from "@/api/query-keys";
import { psaKeys, type SessionDetail, type SessionPsa } from "../api/types";

export const PSA_EVENT_TYPES: readonly string[] = ["ticket_linked", "ticket_link_failed", "psa_push"];

export function lastPsaSeq(timeline: readonly { type: string; seq?: number | null }[]): number {
  let last = 0;
  for (const e of timeline) if (PSA_EVENT_TYPES.includes(e.type) && typeof e.seq === "number" && e.seq > last) last = e.seq;
  return last;
}

export function pushSignature(psa: SessionPsa | undefined): string | null {
  return psa ? psa.pushes.map((p) => `${p.id}:${p.state}:${p.attempts}`).join(",") : null;
}

export function usePsaFollowsTimeline(session: Pick<SessionDetail, "id" | "timeline">, psa: SessionPsa | undefined): void {
  const qc = useQueryClient();
  const seq = lastPsaSeq(session.timeline);
  const seenSeq = useRef(seq);
  useEffect(() => {
    if (seq === seenSeq.current) return;
    seenSeq.current = seq;
    void qc.invalidateQueries({ queryKey: psaKeys.session(session.id), exact: true });
  }, [seq, session.id, qc]);

  const signature = pushSignature(psa);
  const seenSignature = useRef(signature);
  useEffect(() => {
    const before = seenSignature.current;
    seenSignature.current = signature;
    if (before === null || signature === null || before === signature) return;
    void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(session.id), exact: true });
  }, [signature, session.id, qc]);
}
