import { describe, expect, it } from "vitest";
import type { PilotStep } from "../api/types";
import { answerText, keyedOptions, percent, sourceHref, stepHeading } from "./labels";
import { optionIndexFor } from "./keys";

const base: PilotStep = {
  id: "s1",
  ordinal: 1,
  type: "question",
  confidence: 0.5,
  source: "flow",
  status: "open",
  options: ["Yes", "No"],
  allow_text: false,
  follow_ups: [],
  hypotheses: [],
};

describe("FlowPilot labels", () => {
  it("splits a flow question into its heading and body", () => {
    expect(stepHeading({ ...base, text: "Internet works?\n\nTest **443**." })).toEqual({ heading: "Internet works?", body: "Test **443**." });
    expect(stepHeading({ ...base, text: "One line" })).toEqual({ heading: "One line", body: "" });
  });

  it("says what was answered, naming a fork's hypothesis", () => {
    expect(answerText({ ...base, status: "answered", answer: { option: "Yes", text: "since Monday" } })).toBe("Yes — since Monday");
    expect(answerText({ ...base, status: "skipped" })).toBe("Skipped");
    const inferred = { evidence: "It won't charge on battery.", confidence: 0.8 };
    expect(answerText({ ...base, status: "answered", answer: { option: "No", inferred: true }, inferred })).toBe("No (from the intake)");
    expect(answerText({ ...base, status: "undone", answer: { option: "No", inferred: true }, inferred })).toBe("Undone (went back)");
    const fork = { ...base, type: "fork" as const, options: [], hypotheses: [{ id: "a", title: "Expired cert", why: "" }] };
    expect(answerText({ ...fork, status: "answered", answer: { option: "a" } })).toBe("Expired cert");
    expect(keyedOptions(fork)).toEqual(["a"]);
  });

  it("clamps confidence and links sources", () => {
    expect(percent(0.815)).toBe(82);
    expect(percent(1.4)).toBe(100);
    expect(sourceHref({ kind: "knowledge", id: "k" })).toBe("/knowledge/k");
    expect(sourceHref({ kind: "session", id: "x" })).toBe("/sessions/x");
    expect(sourceHref({ kind: "step", id: "s" })).toBe("/steps/s");
  });

  it("picks options with 1–9 but not while typing or with modifiers", () => {
    expect(optionIndexFor({ key: "2" }, 2)).toBe(1);
    expect(optionIndexFor({ key: "3" }, 2)).toBeNull();
    expect(optionIndexFor({ key: "1", ctrlKey: true }, 2)).toBeNull();
    expect(optionIndexFor({ key: "1", target: document.createElement("textarea") }, 2)).toBeNull();
  });
});
