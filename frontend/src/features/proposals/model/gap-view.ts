/** How a coverage gap reads: where its problems came from, and its trend in words. */
import { plural } from "@/lib/format";

export const SOURCE_LABELS: Record<string, string> = {
  pilot_no_match: "FlowPilot found no flow",
  copilot_unknown: "Copilot didn't know",
  escalation_without_flow: "Escalated without a flow",
};

export const sourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;

/** "FlowPilot found no flow (3) · Copilot didn't know (1)", biggest first. */
export function sourcesText(sources: Record<string, number>): string {
  return Object.entries(sources)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s, n]) => `${sourceLabel(s)} (${n})`)
    .join(" · ");
}

export interface Trend {
  last_7_days: number;
  previous_7_days: number;
  direction: "rising" | "falling" | "steady";
}

export const TREND_WORDS: Record<Trend["direction"], { arrow: string; word: string }> = {
  rising: { arrow: "↑", word: "Rising" },
  falling: { arrow: "↓", word: "Falling" },
  steady: { arrow: "→", word: "Steady" },
};

/** "3 in the last 7 days, 1 the week before". */
export function trendText(t: Trend): string {
  return `${t.last_7_days} in the last 7 days, ${t.previous_7_days} the week before`;
}

export function gapCountText(count: number): string {
  return plural(count, "session");
}
