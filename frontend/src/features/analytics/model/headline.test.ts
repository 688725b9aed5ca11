import { describe, expect, it } from "vitest";
import { fakeOverview } from "../testing/fake-analytics-api";
import { headlineCards } from "./headline";

describe("headlineCards", () => {
  it("gives every card a trend line, one point per day of the range", () => {
    const o = fakeOverview({ workaround_rate: 0.025 });
    const cards = headlineCards(o);
    expect(cards.map((c) => c.key)).toContain("workaround_rate");
    for (const card of cards) expect(card.trend, card.key).toHaveLength(o.series.length);
  });

  it("draws each rate's trend from that day's own counts", () => {
    const cards = Object.fromEntries(headlineCards(fakeOverview({ workaround_rate: 0.025 })).map((c) => [c.key, c.trend]));
    // The fake's two days: 20 sessions each; 10 and 14 first-contact, 1 and 1 unresolved,
    // 2 and 2 abandoned, 0 and 1 workaround.
    expect(cards.first_contact).toEqual([0.5, 0.7]);
    expect(cards.unresolved_rate).toEqual([0.05, 0.05]);
    expect(cards.abandonment_rate).toEqual([0.1, 0.1]);
    expect(cards.workaround_rate).toEqual([0, 0.05]);
  });
});
