/** Wording for the escalation metrics: percentages, rates and the calibration sentence. */
import type { CalibrationBucket } from "../api/get-escalation-metrics";

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio == null || !Number.isFinite(ratio)) return "—";
  return `${Math.round(ratio * 100)}%`;
}

/** "0.7-1.0" → "0.7–1.0". */
export function bandLabel(label: string): string {
  return label.replace("-", "–");
}

/** "When the AI said 0.7–1.0 it was right 4 of 5 times"; "No rated escalations at 0.0–0.4 yet". */
export function calibrationSentence(b: CalibrationBucket): string {
  const band = bandLabel(b.label);
  if (b.rated === 0) return `No rated escalations at ${band} yet`;
  return `When the AI said ${band} it was right ${b.correct} of ${b.rated} ${b.rated === 1 ? "time" : "times"}`;
}
