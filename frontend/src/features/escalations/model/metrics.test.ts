import { describe, expect, it } from "vitest";
import { bandLabel, calibrationSentence, formatPercent } from "./metrics";

describe("escalation metrics wording", () => {
  it("formats percentages and bands", () => {
    expect(formatPercent(0.125)).toBe("13%");
    expect(formatPercent(null)).toBe("—");
    expect(bandLabel("0.7-1.0")).toBe("0.7–1.0");
  });

  it("says how often the AI was right in a band", () => {
    expect(calibrationSentence({ label: "0.7-1.0", rated: 5, correct: 4, accuracy: 0.8 })).toBe("When the AI said 0.7–1.0 it was right 4 of 5 times");
    expect(calibrationSentence({ label: "0.4-0.7", rated: 1, correct: 1, accuracy: 1 })).toBe("When the AI said 0.4–0.7 it was right 1 of 1 time");
    expect(calibrationSentence({ label: "0.0-0.4", rated: 0, correct: 0, accuracy: null })).toBe("No rated escalations at 0.0–0.4 yet");
  });
});
