import { describe, expect, it } from "vitest";
import { formatSpent, handoffIdOf, readAssessment, readConfidence } from "./handoff";

describe("readConfidence", () => {
  it("labels a number", () => {
    expect(readConfidence(0.82)).toEqual({ value: 0.82, label: "high" });
    expect(readConfidence(0.5)).toEqual({ value: 0.5, label: "medium" });
    expect(readConfidence(0.1)).toEqual({ value: 0.1, label: "low" });
  });
  it("prefers an explicit label", () => {
    expect(readConfidence(0.9, "medium")).toEqual({ value: 0.9, label: "medium" });
  });
  it("accepts a word on its own", () => {
    expect(readConfidence("High")).toEqual({ value: null, label: "high" });
  });
  it("accepts percentages and numeric strings", () => {
    expect(readConfidence(80).value).toBe(0.8);
    expect(readConfidence("0.3")).toEqual({ value: 0.3, label: "low" });
  });
  it("gives nothing for nonsense", () => {
    expect(readConfidence("very", null)).toEqual({ value: null, label: null });
  });
});

describe("readAssessment", () => {
  it("reads a stored assessment", () => {
    const a = readAssessment({
      summary: "S",
      what_we_know: ["a", 3, ""],
      likely_cause: "DNS",
      suggested_steps: ["one", "two"],
      confidence: 0.4,
      confidence_label: "low",
      model: "offline",
    });
    expect(a).toMatchObject({ summary: "S", whatWeKnow: ["a"], likelyCause: "DNS", suggestedSteps: ["one", "two"], confidence: 0.4, confidenceLabel: "low" });
  });
  it("is null without one", () => {
    expect(readAssessment(null)).toBeNull();
  });
});

describe("handoffIdOf", () => {
  it("finds the newest escalation", () => {
    const t = [
      { type: "escalated", payload: { handoff_id: "a" } },
      { type: "claimed", payload: { handoff_id: "a" } },
      { type: "escalated", payload: { handoff_id: "b" } },
    ];
    expect(handoffIdOf(t)).toBe("b");
    expect(handoffIdOf([{ type: "note", payload: {} }])).toBeNull();
  });
});

describe("formatSpent", () => {
  it("says minutes and hours", () => {
    expect(formatSpent(30)).toBe("under a minute");
    expect(formatSpent(12 * 60)).toBe("12 min");
    expect(formatSpent(125 * 60)).toBe("2 h 5 min");
    expect(formatSpent("x")).toBeNull();
  });
});
