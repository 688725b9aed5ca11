/**
 * Keeping a session's cached detail current from the append responses, without refetching:
 * optimistic timeline entries while a request is in flight, then the server's truth.
 */
import type { EventInput, EventsAppended, SessionDetail, SessionEvent } from "../api/types";

export const OPTIMISTIC_PREFIX = "optimistic-";

export function isOptimistic(event: Pick<SessionEvent, "id">): boolean {
  return event.id.startsWith(OPTIMISTIC_PREFIX);
}

/** Inputs that show up in the timeline at once (before the server answers). */
function optimisticType(input: EventInput): string | null {
  switch (input.type) {
    case "note":
      return "note";
    case "command_output":
      return "command_output";
    case "answer":
      return "answer";
    default:
      return null;
  }
}

/** A stand-in timeline entry for an input, shown greyed out until the server answers. */
export function optimisticEvent(input: EventInput, key: string, actor: { id: string | null; name: string | null }, now = new Date()): SessionEvent | null {
  const type = optimisticType(input);
  if (!type) return null;
  const { type: _t, ...payload } = input;
  return {
    id: `${OPTIMISTIC_PREFIX}${key}`,
    seq: Number.MAX_SAFE_INTEGER,
    type,
    actor_id: actor.id,
    actor_name: actor.name,
    created_at: now.toISOString(),
    payload: payload as Record<string, unknown>,
  };
}

export function withOptimistic(detail: SessionDetail, event: SessionEvent | null): SessionDetail {
  if (!event) return detail;
  return { ...detail, timeline: [...detail.timeline, event] };
}

export function withoutOptimistic(detail: SessionDetail, key: string): SessionDetail {
  const id = `${OPTIMISTIC_PREFIX}${key}`;
  return { ...detail, timeline: detail.timeline.filter((e) => e.id !== id) };
}

/**
 * Folds an append response into the cached detail. Responses may arrive out of order (a note
 * sent while an answer is in flight), so the session fields only move forward (by `last_seq`)
 * and events are merged by `seq`.
 */
export function applyAppended(detail: SessionDetail, result: EventsAppended, key?: string): SessionDetail {
  const base = key ? withoutOptimistic(detail, key) : detail;
  const known = new Set(base.timeline.filter((e) => !isOptimistic(e)).map((e) => e.seq));
  const confirmed = [...base.timeline.filter((e) => !isOptimistic(e)), ...result.events.filter((e) => !known.has(e.seq))].sort(
    (a, b) => a.seq - b.seq,
  );
  const pending = base.timeline.filter(isOptimistic);
  const session = result.session.last_seq >= base.last_seq ? result.session : base;
  const { timeline: _ignored, ...fields } = { ...base, ...session, timeline: [] };
  return { ...fields, timeline: [...confirmed, ...pending] } as SessionDetail;
}
