import { describe, expect, it } from "vitest";
import { confidenceLevel, confidencePercent, evidenceSummary, isProposalStatus, kindLabel, reinforcedLabel } from "./proposal-view";

const NOW = new Date("2026-12-07T12:00:00Z");

describe("proposal view", () => {
  it("knows the four states and nothing else", () => {
    expect(["open", "approved", "dismissed", "rejected"].every(isProposalStatus)).toBe(true);
    expect(isProposalStatus("maybe")).toBe(false);
    expect(isProposalStatus(null)).toBe(false);
  });

  it("names the kinds, and leaves an unknown one as it is", () => {
    expect(kindLabel("new_flow")).toBe("New flow");
    expect(kindLabel("branch_addition")).toBe("New branch");
    expect(kindLabel("auto_reinforced")).toBe("auto_reinforced");
  });

  it("turns confidence into a percentage and a level, clamped", () => {
    expect([confidencePercent(0.824), confidenceLevel(0.824)]).toEqual([82, "high"]);
    expect([confidencePercent(0.6), confidenceLevel(0.6)]).toEqual([60, "medium"]);
    expect([confidencePercent(0.2), confidenceLevel(0.2)]).toEqual([20, "low"]);
    expect(confidencePercent(1.4)).toBe(100);
    expect(confidencePercent(-1)).toBe(0);
  });

  it("summarises the evidence: count, span and last sighting", () => {
    const base = { evidence_count: 5, span_days: 12, first_seen_at: "2026-11-25T12:00:00Z", last_seen_at: "2026-12-07T10:00:00Z", reinforced_count: 0 };
    expect(evidenceSummary(base, NOW)).toBe("5 sessions over 12 days · last 2 h ago");
    expect(evidenceSummary({ ...base, span_days: 0 }, NOW)).toBe("5 sessions in one day · last 2 h ago");
    expect(evidenceSummary({ ...base, span_days: 1 }, NOW)).toBe("5 sessions over 1 day · last 2 h ago");
    expect(evidenceSummary({ ...base, evidence_count: 1, last_seen_at: null }, NOW)).toBe("1 session");
  });

  it("says how often new evidence reinforced it", () => {
    expect(reinforcedLabel(0)).toBeNull();
    expect(reinforcedLabel(1)).toBe("Reinforced once");
    expect(reinforcedLabel(2)).toBe("Reinforced twice");
    expect(reinforcedLabel(7)).toBe("Reinforced 7 times");
  });
});
