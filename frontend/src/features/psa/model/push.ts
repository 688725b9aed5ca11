/** How pushes, redactions and PSA failures are put into words. Pure. */
import { ApiError, errorMessage } from "@/lib/problem";
import type { Push, PushState } from "../api/types";

export const STATE_LABELS: Record<PushState, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
};

export const STATE_TONES: Record<PushState, "gray" | "indigo" | "green" | "red"> = {
  queued: "gray",
  sending: "indigo",
  sent: "green",
  failed: "red",
};

const PROVIDER_LABELS: Record<string, string> = {
  connectwise: "ConnectWise",
  autotask: "Autotask",
  halopsa: "HaloPSA",
};

export function providerLabel(provider: string | null | undefined): string {
  if (!provider) return "The PSA";
  return PROVIDER_LABELS[provider] ?? provider;
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function text(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;
}

/**
 * What the PSA did differently from what was asked, in the words the timeline uses: a status it
 * refused ("ConnectWise kept the ticket at 'New' instead of 'Resolved'") or a time entry that failed.
 */
export function pushWarnings(push: Pick<Push, "outcome" | "provider">, label = providerLabel(push.provider)): string[] {
  const out: string[] = [];
  const status = record(push.outcome.status);
  if (status && status.ok === false) {
    const now = text(status.now);
    const asked = text(status.asked);
    out.push(now ? `${label} kept the ticket at '${now}' instead of '${asked ?? "?"}'` : `The status change failed: ${text(status.error) ?? "no reason given"}`);
  }
  const entry = record(push.outcome.time_entry);
  if (entry && entry.ok === false) out.push(`The time entry failed: ${text(entry.error) ?? "no reason given"}`);
  return out;
}

/** What went through besides the note ("Status changed to Resolved", "Time entry: 14 min"). */
export function pushExtras(push: Pick<Push, "outcome">): string[] {
  const out: string[] = [];
  const status = record(push.outcome.status);
  if (status && status.ok === true) out.push(`Status changed to ${text(status.now) ?? text(status.asked) ?? "the one asked"}`);
  const entry = record(push.outcome.time_entry);
  if (entry && entry.ok === true) out.push(`Time entry: ${text(entry.minutes) ?? "?"} min`);
  if (push.outcome.adopted === true) out.push("The note was already on the ticket (not posted twice)");
  return out;
}

/** "2 secrets redacted (1 password, 1 api_key)" or "Nothing redacted". */
export function redactionSummary(counts: Record<string, number>): string {
  const kinds = Object.entries(counts).filter(([, n]) => n > 0);
  const total = kinds.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return "Nothing redacted";
  return `${total} ${total === 1 ? "secret" : "secrets"} redacted (${kinds.map(([k, n]) => `${n} ${k}`).join(", ")})`;
}

/** The PSA's own words for 409/422/502 (e.g. "Ticket 999 was not found in ConnectWise."). */
export function psaErrorMessage(error: unknown): string {
  if (error instanceof ApiError && [409, 422, 502].includes(error.status) && error.problem.detail) return error.problem.detail;
  return errorMessage(error);
}
