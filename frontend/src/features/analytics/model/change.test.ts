import { describe, expect, it } from "vitest";
import { change } from "./change";

describe("change against the previous period", () => {
  it("gives counts and times as a percentage, rounded", () => {
    expect(change(40, 32, "count", "up")).toMatchObject({ direction: "up", text: "+25%", tone: "good" });
    expect(change(720, 900, "duration", "down")).toMatchObject({ direction: "down", text: "\u221220%", tone: "good" });
    expect(change(103, 100, "count", "up").text).toBe("+3%");
    expect(change(1003, 1000, "count", "up").text).toBe("+0.3%");
  });

  it("gives rates in percentage points", () => {
    expect(change(0.75, 0.625, "rate", "up")).toMatchObject({ direction: "up", text: "+12.5 pts", tone: "good" });
    expect(change(0.05, 0.1, "rate", "down")).toMatchObject({ direction: "down", text: "\u22125 pts", tone: "good" });
  });

  it("colours by meaning: a rising escalation rate is bad, more sessions is neither", () => {
    const worse = change(0.2, 0.15, "rate", "down", "the previous 30 days");
    expect(worse).toMatchObject({ direction: "up", text: "+5 pts", tone: "bad" });
    expect(worse.label).toBe("Up 5 percentage points on the previous 30 days, which is worse");
    expect(change(40, 32, "count", "neither").tone).toBe("neutral");
    expect(change(0.5, 0.6, "rate", "up").tone).toBe("bad");
  });

  it("says so when there is nothing to compare with, or nothing changed", () => {
    expect(change(0.5, null, "rate", "up")).toMatchObject({ direction: "none", text: "—", tone: "neutral" });
    expect(change(12, 0, "count", "up")).toMatchObject({ direction: "up", text: "new", tone: "good" });
    expect(change(0, 0, "count", "up")).toMatchObject({ direction: "flat", text: "0%" });
    expect(change(0.5, 0.5004, "rate", "up")).toMatchObject({ direction: "flat", text: "0 pts", tone: "neutral" });
  });
});
