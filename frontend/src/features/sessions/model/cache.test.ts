import { describe, expect, it } from "vitest";
import type { EventsAppended, SessionDetail, SessionEvent } from "../api/types";
import { applyAppended, optimisticEvent, withOptimistic } from "./cache";

const ev = (seq: number, type = "note"): SessionEvent => ({
  id: `e${seq}`,
  seq,
  type,
  actor_id: null,
  actor_name: null,
  created_at: "2026-03-01T10:00:00Z",
  payload: {},
});

const detail = (lastSeq: number, timeline: SessionEvent[]) => ({ id: "s", title: "t", last_seq: lastSeq, status: "active", timeline }) as unknown as SessionDetail;
const appended = (lastSeq: number, events: SessionEvent[]) => ({ session: { id: "s", title: "t", last_seq: lastSeq, status: "active" }, events }) as unknown as EventsAppended;

describe("applyAppended", () => {
  it("replaces the optimistic entry with the server's events and takes the new session fields", () => {
    const opt = optimisticEvent({ type: "note", text: "hi" }, "k1", { id: null, name: null });
    const start = withOptimistic(detail(2, [ev(1), ev(2)]), opt);
    expect(start.timeline.map((e) => e.id)).toEqual(["e1", "e2", "optimistic-k1"]);
    const next = applyAppended(start, appended(3, [ev(3)]), "k1");
    expect(next.timeline.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(next.last_seq).toBe(3);
  });

  it("handles responses arriving out of order without going backwards", () => {
    const start = detail(2, [ev(1), ev(2)]);
    const later = applyAppended(start, appended(5, [ev(4), ev(5)]));
    const earlier = applyAppended(later, appended(3, [ev(3)]));
    expect(earlier.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(earlier.last_seq).toBe(5);
  });

  it("keeps other requests' optimistic entries last", () => {
    const a = optimisticEvent({ type: "note", text: "a" }, "a", { id: null, name: null });
    const b = optimisticEvent({ type: "note", text: "b" }, "b", { id: null, name: null });
    const start = withOptimistic(withOptimistic(detail(1, [ev(1)]), a), b);
    const next = applyAppended(start, appended(2, [ev(2)]), "a");
    expect(next.timeline.map((e) => e.id)).toEqual(["e1", "e2", "optimistic-b"]);
  });

  it("adds no stand-in for inputs that don't show on the timeline at once", () => {
    expect(optimisticEvent({ type: "pause" }, "p", { id: null, name: null })).toBeNull();
  });
});
