/** How Home writes its figures: rates as percentages, and this week against last week. */
import { formatDuration } from "@/lib/format";

export function formatRate(rate: number | null | undefined): string {
  return rate == null ? "—" : `${Math.round(rate * 100)}%`;
}

export type Trend = "up" | "down" | "same" | "none";

export interface Change {
  /** "+3", "−12 pts", "+4 min"; empty when there is nothing to compare. */
  text: string;
  trend: Trend;
}

const MINUS = "\u2212";

function signed(n: number, unit = ""): string {
  if (n === 0) return `±0${unit}`;
  return `${n > 0 ? "+" : MINUS}${Math.abs(n)}${unit}`;
}

/** A count this week against last week. */
export function countChange(now: number, before: number): Change {
  const d = now - before;
  return { text: signed(d), trend: d > 0 ? "up" : d < 0 ? "down" : "same" };
}

/** A rate this week against last week, in percentage points. */
export function rateChange(now: number | null | undefined, before: number | null | undefined): Change {
  if (now == null || before == null) return { text: "", trend: "none" };
  const d = Math.round(now * 100) - Math.round(before * 100);
  return { text: signed(d, " pts"), trend: d > 0 ? "up" : d < 0 ? "down" : "same" };
}

/** A median time this week against last week. */
export function durationChange(now: number | null | undefined, before: number | null | undefined): Change {
  if (now == null || before == null) return { text: "", trend: "none" };
  const d = now - before;
  if (Math.round(d) === 0) return { text: "±0", trend: "same" };
  return { text: `${d > 0 ? "+" : MINUS}${formatDuration(Math.abs(d))}`, trend: d > 0 ? "up" : "down" };
}
