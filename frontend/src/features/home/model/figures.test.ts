import { describe, expect, it } from "vitest";
import { countChange, durationChange, formatRate, rateChange } from "./figures";

describe("Home figures", () => {
  it("writes rates as whole percentages, and nothing as a dash", () => {
    expect(formatRate(0.625)).toBe("63%");
    expect(formatRate(1)).toBe("100%");
    expect(formatRate(null)).toBe("—");
  });

  it("compares counts, rates (in points) and times with last week", () => {
    expect(countChange(8, 4)).toEqual({ text: "+4", trend: "up" });
    expect(countChange(2, 5)).toEqual({ text: "−3", trend: "down" });
    expect(countChange(3, 3)).toEqual({ text: "±0", trend: "same" });
    expect(rateChange(0.571, 0.75)).toEqual({ text: "−18 pts", trend: "down" });
    expect(rateChange(0.5, null)).toEqual({ text: "", trend: "none" });
    expect(durationChange(750, 1000)).toEqual({ text: "−4 min", trend: "down" });
    expect(durationChange(900, 600)).toEqual({ text: "+5 min", trend: "up" });
    expect(durationChange(null, 600).trend).toBe("none");
  });
});
