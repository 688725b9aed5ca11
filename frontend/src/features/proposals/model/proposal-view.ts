/**
 * How a proposal reads to people: its states (the queue's tabs), its kind, its confidence and
 * its evidence's span, and what its draft holds. Pure functions, tested on their own.
 */
import { formatTimeSince, plural } from "@/lib/format";

export const PROPOSAL_STATUSES = ["open", "approved", "dismissed", "rejected"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  open: "Open",
  approved: "Approved",
  dismissed: "Dismissed",
  rejected: "Rejected",
};

export function isProposalStatus(v: unknown): v is ProposalStatus {
  return typeof v === "string" && (PROPOSAL_STATUSES as readonly string[]).includes(v);
}

export type ProposalKind = "new_flow" | "enhancement" | "branch_addition";

export const KIND_LABELS: Record<ProposalKind, string> = {
  new_flow: "New flow",
  enhancement: "Enhancement",
  branch_addition: "New branch",
};

export const KIND_HINTS: Record<ProposalKind, string> = {
  new_flow: "Several sessions solved the same problem without a flow: a flow built from their common path.",
  enhancement: "Runs of this flow often leave it the same way: the flow with that change.",
  branch_addition: "A question's recorded answers include one the flow lacks: a new answer and where it leads.",
};

export function kindLabel(kind: string): string {
  return kind in KIND_LABELS ? KIND_LABELS[kind as ProposalKind] : kind;
}

export type ConfidenceLevel = "high" | "medium" | "low";

/** 0..1 → a level people can read next to the percentage. */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.75) return "high";
  if (confidence >= 0.5) return "medium";
  return "low";
}

export function confidencePercent(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}

export interface EvidenceSummaryInput {
  evidence_count: number;
  span_days: number;
  first_seen_at: string | null;
  last_seen_at: string | null;
  reinforced_count: number;
}

/** "5 sessions over 12 days · last 2 h ago" (or "in one day", or "1 session"). */
export function evidenceSummary(p: EvidenceSummaryInput, now: Date = new Date()): string {
  const count = plural(p.evidence_count, "session");
  const span = p.evidence_count <= 1 ? "" : p.span_days <= 0 ? " in one day" : ` over ${plural(p.span_days, "day")}`;
  const last = p.last_seen_at ? ` · last ${formatTimeSince(p.last_seen_at, now)}` : "";
  return `${count}${span}${last}`;
}

/** "Reinforced twice" — how often new evidence joined instead of making a duplicate. */
export function reinforcedLabel(n: number): string | null {
  if (n <= 0) return null;
  if (n === 1) return "Reinforced once";
  if (n === 2) return "Reinforced twice";
  return `Reinforced ${n} times`;
}

export const SESSION_STATUS_LABELS: Record<string, string> = {
  resolved: "Resolved",
  unresolved: "Unresolved",
  escalated: "Escalated",
  abandoned: "Abandoned",
  active: "Active",
  paused: "Paused",
};

export function sessionStatusLabel(status: string): string {
  return SESSION_STATUS_LABELS[status] ?? status;
}
