import { describe, expect, it } from "vitest";
import { attemptsText, canRetry, describeWhen, STATE_BADGE } from "./job-view";
import { formatInZone, nextRunRelative } from "./schedule-view";

const NOW = new Date("2026-03-02T12:00:00Z");
const at = (secondsFromNow: number) => new Date(NOW.getTime() + secondsFromNow * 1000).toISOString();
const times = { run_at: at(0), created_at: at(-3600), updated_at: at(-300), finished_at: null };

describe("describeWhen", () => {
  it("says when a failed job retries, from run_at", () => {
    expect(describeWhen({ ...times, state: "failed", run_at: at(125) }, NOW)).toEqual({ text: "retries in 2 min", at: at(125) });
    expect(describeWhen({ ...times, state: "failed", run_at: at(-5) }, NOW).text).toBe("retrying now");
  });

  it("says when a dead job failed for good, from updated_at", () => {
    expect(describeWhen({ ...times, state: "dead" }, NOW)).toEqual({ text: "failed 5 min ago", at: at(-300) });
    expect(describeWhen({ ...times, state: "dead", updated_at: at(-10) }, NOW).text).toBe("failed just now");
  });

  it("says when queued work runs, since when a job runs and when it finished", () => {
    expect(describeWhen({ ...times, state: "queued", run_at: at(3 * 3600 + 60) }, NOW).text).toBe("runs in 3 h 1 min");
    expect(describeWhen({ ...times, state: "queued", run_at: at(-1) }, NOW).text).toBe("due now");
    expect(describeWhen({ ...times, state: "running", updated_at: at(-90) }, NOW).text).toBe("started 1 min ago");
    expect(describeWhen({ ...times, state: "succeeded", finished_at: at(-7200) }, NOW)).toEqual({ text: "finished 2 h ago", at: at(-7200) });
    expect(describeWhen({ ...times, state: "succeeded" }, NOW).text).toBe("finished 5 min ago");
  });
});

describe("badges, attempts and Retry", () => {
  it("calls dead jobs Dead (red) and failed ones Retrying (amber); only those two can be retried", () => {
    expect(STATE_BADGE.dead).toEqual({ label: "Dead", tone: "red" });
    expect(STATE_BADGE.failed).toEqual({ label: "Retrying", tone: "amber" });
    expect(["queued", "running", "failed", "dead", "succeeded"].filter((s) => canRetry(s as never))).toEqual(["failed", "dead"]);
    expect(attemptsText(2, 4)).toBe("2 of 4");
  });
});

describe("schedule times", () => {
  it("shows the next run on the schedule's own wall clock", () => {
    const iso = "2026-03-02T07:00:00Z"; // 02:00 in New York (EST), 16:00 in Tokyo
    expect(formatInZone(iso, "America/New_York")).toMatch(/02:00/);
    expect(formatInZone(iso, "Asia/Tokyo")).toMatch(/04:00|16:00/);
    expect(formatInZone(null, "UTC")).toBe("—");
  });

  it("falls back to the browser's zone for a zone it does not know", () => {
    expect(formatInZone("2026-03-02T07:00:00Z", "Not/AZone")).not.toBe("—");
  });

  it("says how soon the next run is", () => {
    expect(nextRunRelative(at(3 * 3600), NOW)).toBe("in 3 h");
    expect(nextRunRelative(at(-60), NOW)).toBe("due now");
    expect(nextRunRelative(null, NOW)).toBe("—");
  });
});
