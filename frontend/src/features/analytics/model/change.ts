/**
 * The change of a figure against the previous period of equal length: percent for counts and
 * times, percentage points for rates, and whether that is good news. A rising escalation rate
 * is bad; a rising resolution rate is good; more sessions is neither.
 */

export type FigureKind = "count" | "rate" | "duration";
/** Which way is better for this figure. */
export type Better = "up" | "down" | "neither";

export interface Change {
  direction: "up" | "down" | "flat" | "none";
  /** "+12%", "−3.5 pts", "0%", "new", "—". */
  text: string;
  tone: "good" | "bad" | "neutral";
  /** For screen readers: "up 12% on the previous 30 days, which is worse". */
  label: string;
}

const MINUS = "\u2212";

function signed(value: number, unit: string): string {
  const abs = Math.abs(value);
  const body = Number.isInteger(abs) ? abs.toFixed(0) : abs.toFixed(1);
  if (value > 0) return `+${body}${unit}`;
  if (value < 0) return `${MINUS}${body}${unit}`;
  return `0${unit}`;
}

/** Percentages: one decimal below 10, whole numbers above (3.5%, 12%). */
function round(value: number): number {
  return Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** Points: one decimal (12.5 pts); floating-point noise (0.1 - 0.05) is rounded away. */
function roundPoints(value: number): number {
  return Math.round(value * 10) / 10;
}

export function change(
  current: number | null | undefined,
  previous: number | null | undefined,
  kind: FigureKind,
  better: Better,
  previousLabel = "the previous period",
): Change {
  if (current == null || previous == null) {
    return { direction: "none", text: "—", tone: "neutral", label: `No figure to compare with ${previousLabel}` };
  }
  let delta: number;
  let unit: string;
  let spoken: string;
  if (kind === "rate") {
    delta = roundPoints((current - previous) * 100);
    unit = " pts";
    spoken = `${Math.abs(delta)} percentage point${Math.abs(delta) === 1 ? "" : "s"}`;
  } else if (previous === 0) {
    if (current === 0) return { direction: "flat", text: "0%", tone: "neutral", label: `Unchanged from ${previousLabel}` };
    const tone = better === "neither" ? "neutral" : better === "up" ? "good" : "bad";
    return { direction: "up", text: "new", tone, label: `Up from none in ${previousLabel}${verdict(tone)}` };
  } else {
    delta = round(((current - previous) / previous) * 100);
    unit = "%";
    spoken = `${Math.abs(delta)}%`;
  }
  if (delta === 0) return { direction: "flat", text: signed(0, unit), tone: "neutral", label: `Unchanged from ${previousLabel}` };
  const direction = delta > 0 ? "up" : "down";
  const tone = better === "neither" ? "neutral" : direction === better ? "good" : "bad";
  return {
    direction,
    text: signed(delta, unit),
    tone,
    label: `${direction === "up" ? "Up" : "Down"} ${spoken} on ${previousLabel}${verdict(tone)}`,
  };
}

function verdict(tone: Change["tone"]): string {
  return tone === "good" ? ", which is better" : tone === "bad" ? ", which is worse" : "";
}
