/** How an A/B test's figures read. Pure. */

/** 0.456 → "46%"; null (no completed runs) → "—". */
export function formatRate(rate: number | null | undefined): string {
  return rate == null ? "—" : `${Math.round(rate * 100)}%`;
}

/** p-values the way the backend's sentence writes them: "< 0.001", "0.004", "0.03". */
export function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

export const METHOD_LABELS: Record<string, string> = {
  "z-test": "two-proportion z-test",
  fisher: "Fisher's exact test",
  "mann-whitney": "Mann-Whitney U test",
};

export const SIGNIFICANT = 0.05;

/** The split as people set it: the share of new sessions that get B, in whole percent (5–95). */
export const SPLIT_MIN = 5;
export const SPLIT_MAX = 95;

/** An error for the split field, or null when it is fine. */
export function splitError(raw: string): string | null {
  if (raw.trim() === "") return "Enter the share of new sessions that get B.";
  const n = Number(raw);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return "Use a whole percentage.";
  if (n < SPLIT_MIN || n > SPLIT_MAX) return `Between ${SPLIT_MIN}% and ${SPLIT_MAX}%: both variants need sessions.`;
  return null;
}

export function splitLabel(split: number): string {
  const b = Math.round(split * 100);
  return `${100 - b}% A / ${b}% B`;
}

export const PROMOTE_LABELS = { a: "Promote A", b: "Promote B", none: "End without change" } as const;
