import { describe, expect, it } from "vitest";
import type { BatchItem } from "../api/types";
import { countFor, eventLabel, filterItems, isItemFilter, progressOf, progressSegments } from "./item-status";

const counts = { total: 6, pending: 1, in_progress: 1, done: 2, skipped: 1, failed: 0, escalated: 1 };
const item = (label: string, status: BatchItem["status"], over: Partial<BatchItem> = {}): BatchItem => ({
  id: label,
  position: 0,
  target_id: null,
  label,
  client: "Fabrikam",
  fields: {},
  session_id: null,
  status,
  reason: "",
  assignee_id: null,
  assignee_name: null,
  active_seconds: 0,
  last_event_type: null,
  last_event_at: null,
  ...over,
});

describe("progress", () => {
  it("counts done, skipped and failed as finished", () => {
    expect(progressOf(counts)).toEqual({ finished: 3, total: 6, percent: 50 });
    expect(progressOf({ ...counts, total: 0, done: 0, skipped: 0 })).toEqual({ finished: 0, total: 0, percent: 0 });
  });

  it("draws only the states that have targets", () => {
    expect(progressSegments(counts).map((s) => [s.status, s.count])).toEqual([
      ["done", 2],
      ["skipped", 1],
      ["escalated", 1],
      ["in_progress", 1],
    ]);
    expect(progressSegments({ ...counts, total: 0 })).toEqual([]);
  });
});

describe("filters", () => {
  const items = [item("FAB-DC01", "pending"), item("FAB-FS01", "in_progress", { assignee_name: "Erin Engineer" }), item("CON-DC01", "done", { client: "Contoso" })];

  it("'To do' is pending and in progress; a state is itself; All is everything", () => {
    expect(filterItems(items, "open").map((i) => i.label)).toEqual(["FAB-DC01", "FAB-FS01"]);
    expect(filterItems(items, "done").map((i) => i.label)).toEqual(["CON-DC01"]);
    expect(filterItems(items, "all")).toHaveLength(3);
    expect(countFor(counts, "open")).toBe(2);
    expect(countFor(counts, "all")).toBe(6);
    expect(countFor(counts, "skipped")).toBe(1);
  });

  it("finds by target, client or engineer, ignoring case", () => {
    expect(filterItems(items, "all", "contoso").map((i) => i.label)).toEqual(["CON-DC01"]);
    expect(filterItems(items, "all", "erin").map((i) => i.label)).toEqual(["FAB-FS01"]);
    expect(filterItems(items, "open", "con")).toEqual([]);
  });

  it("knows its filter names (for ?show=)", () => {
    expect(isItemFilter("escalated")).toBe(true);
    expect(isItemFilter("open")).toBe(true);
    expect(isItemFilter("nope")).toBe(false);
    expect(isItemFilter(null)).toBe(false);
  });

  it("reads an event type as words", () => {
    expect(eventLabel("step_shown")).toBe("Step shown");
    expect(eventLabel(null)).toBe("—");
  });
});
