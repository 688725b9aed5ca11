import { describe, expect, it } from "vitest";
import { dueToday, groupByDay } from "./agenda";

const NOW = new Date("2026-12-07T10:00:00Z");
const entry = (at: string, title = "Patching") => ({ schedule_id: "s1", title, at });

describe("agenda", () => {
  it("groups slots by day in the viewer's zone, today and tomorrow named", () => {
    const days = groupByDay(
      [entry("2026-12-07T21:00:00Z"), entry("2026-12-08T06:00:00Z", "Backups"), entry("2026-12-08T21:00:00Z"), entry("2026-12-10T21:00:00Z")],
      NOW,
      "UTC",
    );
    expect(days.map((d) => [d.key, d.entries.length])).toEqual([
      ["2026-12-07", 1],
      ["2026-12-08", 2],
      ["2026-12-10", 1],
    ]);
    expect(days[0]!.label).toMatch(/^Today · /);
    expect(days[1]!.label).toMatch(/^Tomorrow · /);
    expect(days[2]!.label).not.toMatch(/Today|Tomorrow/);
  });

  it("puts a slot on the day it falls in the zone (21:00 UTC is the next morning in Tokyo)", () => {
    const days = groupByDay([entry("2026-12-07T21:00:00Z")], NOW, "Asia/Tokyo");
    expect(days[0]!.key).toBe("2026-12-08");
  });

  it("keeps only today's slots for 'due today'", () => {
    expect(dueToday([entry("2026-12-07T21:00:00Z"), entry("2026-12-08T06:00:00Z")], NOW, "UTC")).toHaveLength(1);
  });
});
