/** How analytics figures read: counts, rates (0..1 from the API), times and ratings. */
import { formatDuration } from "@/lib/format";

const count = new Intl.NumberFormat("en-US");

export function formatCount(n: number | null | undefined): string {
  return n == null ? "—" : count.format(n);
}

/** 0.4256 → "42.6%", 0.5 → "50%", null → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate == null || !Number.isFinite(rate)) return "—";
  const pct = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export function formatSeconds(seconds: number | null | undefined): string {
  return formatDuration(seconds);
}

export function formatStars(average: number | null | undefined): string {
  return average == null ? "—" : `${average.toFixed(1)} ★`;
}

/** `part / whole` as a rate, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export const OUTCOME_LABELS: Record<string, string> = {
  resolved: "Resolved",
  workaround: "Workaround",
  unresolved: "Unresolved",
  abandoned: "Abandoned",
  escalated: "Escalated",
  open: "Open",
};

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? outcome;
}
