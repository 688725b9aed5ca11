import { describe, expect, it } from "vitest";
import { batchIdOf, nextTarget, positionText } from "./batch";

const ME = "me";
const item = (position: number, status: string, assignee: string | null = ME) => ({
  id: `item-${position}`,
  position,
  label: `SRV-${position}`,
  session_id: `session-${position}`,
  status,
  assignee_id: assignee,
});

describe("batchIdOf", () => {
  it("reads the batch from the session's started event, and is null for other sessions", () => {
    const ev = (type: string, payload: Record<string, unknown>) => ({ id: "e", seq: 1, type, actor_id: null, actor_name: null, created_at: "", payload });
    expect(batchIdOf({ timeline: [ev("started", { batch_id: "b-1", target: "SRV-1" })] })).toBe("b-1");
    expect(batchIdOf({ timeline: [ev("started", { title: "x" })] })).toBeNull();
    expect(batchIdOf({ timeline: [] })).toBeNull();
  });
});

describe("nextTarget", () => {
  it("takes the next open target of mine after this one, wrapping around", () => {
    const items = [item(0, "pending"), item(1, "in_progress"), item(2, "done"), item(3, "pending")];
    expect(nextTarget(items, "session-1", ME, false)).toEqual({ item: items[3], claim: false });
    expect(nextTarget(items, "session-3", ME, false)).toEqual({ item: items[0], claim: false });
  });

  it("skips finished, skipped, failed, escalated and other people's targets", () => {
    const items = [item(0, "in_progress"), item(1, "skipped"), item(2, "failed"), item(3, "escalated"), item(4, "pending", "someone"), item(5, "done")];
    expect(nextTarget(items, "session-0", ME, false)).toBeNull();
  });

  it("in a team pool, falls back to an unclaimed target, to be claimed first", () => {
    const items = [item(0, "in_progress"), item(1, "pending", null), item(2, "pending", "someone")];
    expect(nextTarget(items, "session-0", ME, true)).toEqual({ item: items[1], claim: true });
    expect(nextTarget(items, "session-0", ME, false)).toBeNull();
  });

  it("orders by position, not by the order given", () => {
    const items = [item(2, "pending"), item(0, "in_progress"), item(1, "pending")];
    expect(nextTarget(items, "session-0", ME, false)?.item.position).toBe(1);
    expect(positionText(items, "session-2")).toBe("3 of 3");
    expect(positionText(items, "elsewhere")).toBeNull();
  });
});
