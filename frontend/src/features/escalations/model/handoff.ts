/** Reading a handoff: its AI assessment (plain JSON, read defensively), confidence, and where a session's handoff is. Pure. */
import type { Priority } from "../api/types";

export type ConfidenceLabel = "low" | "medium" | "high";

export interface Assessment {
  summary: string;
  whatWeKnow: string[];
  likelyCause: string;
  suggestedSteps: string[];
  /** 0..1 when the model gave a number. */
  confidence: number | null;
  confidenceLabel: ConfidenceLabel | null;
  model: string;
  reason: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [];
}

function isLabel(v: unknown): v is ConfidenceLabel {
  return v === "low" || v === "medium" || v === "high";
}

export function labelFor(confidence: number): ConfidenceLabel {
  return confidence >= 0.75 ? "high" : confidence >= 0.45 ? "medium" : "low";
}

/**
 * Confidence as a number and a label. Accepts a number (0..1, or a percentage), a numeric
 * string, or a low/medium/high word, in `confidence` or `confidence_label`.
 */
export function readConfidence(confidence: unknown, label?: unknown): { value: number | null; label: ConfidenceLabel | null } {
  let value: number | null = null;
  if (typeof confidence === "number" && Number.isFinite(confidence)) value = confidence;
  else if (typeof confidence === "string" && confidence.trim() !== "" && Number.isFinite(Number(confidence))) value = Number(confidence);
  if (value !== null && value > 1 && value <= 100) value = value / 100;
  if (value !== null) value = Math.min(1, Math.max(0, value));
  const word = typeof label === "string" ? label.toLowerCase() : typeof confidence === "string" ? confidence.toLowerCase() : null;
  const named = isLabel(word) ? word : null;
  return { value, label: named ?? (value !== null ? labelFor(value) : null) };
}

export function readAssessment(raw: unknown): Assessment | null {
  if (!isRecord(raw)) return null;
  const { value, label } = readConfidence(raw.confidence, raw.confidence_label);
  return {
    summary: text(raw.summary),
    whatWeKnow: strings(raw.what_we_know),
    likelyCause: text(raw.likely_cause),
    suggestedSteps: strings(raw.suggested_steps),
    confidence: value,
    confidenceLabel: label,
    model: text(raw.model),
    reason: text(raw.reason),
  };
}

/** The handoff a session was last escalated with: the newest `escalated` event's `handoff_id`. */
export function handoffIdOf(timeline: readonly { type: string; payload: Record<string, unknown> }[]): string | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!;
    if (e.type === "escalated" && typeof e.payload.handoff_id === "string") return e.payload.handoff_id;
  }
  return null;
}

/**
 * The handoff a paused session is parked on: the latest `parked` event that no `resumed` (taken
 * back) or `claimed` (picked up) came after; null when the session is not parked.
 */
export function parkedHandoffIdOf(timeline: readonly { type: string; payload: Record<string, unknown> }[]): string | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!;
    if (e.type === "resumed" || e.type === "claimed") return null;
    if (e.type === "parked" && typeof e.payload.handoff_id === "string") return e.payload.handoff_id;
  }
  return null;
}

export const PRIORITY_LABELS: Record<Priority, string> = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" };
export const PRIORITY_TONES = { low: "gray", medium: "indigo", high: "amber", urgent: "red" } as const;

/** "12 min" style duration of the time spent before escalating. */
export function formatSpent(seconds: unknown): string | null {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return "under a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
