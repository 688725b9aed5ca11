import { describe, expect, it } from "vitest";
import { sourcesText, trendText } from "./gap-view";

describe("gap view", () => {
  it("lists where a gap's problems came from, biggest first, with unknown sources as they are", () => {
    expect(sourcesText({ copilot_unknown: 1, pilot_no_match: 3, escalation_without_flow: 0, other: 1 })).toBe(
      "FlowPilot found no flow (3) · Copilot didn't know (1) · other (1)",
    );
    expect(sourcesText({})).toBe("");
  });

  it("says the trend as this week against the one before", () => {
    expect(trendText({ last_7_days: 3, previous_7_days: 1, direction: "rising" })).toBe("3 in the last 7 days, 1 the week before");
  });
});
