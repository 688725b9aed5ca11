/** Words FlowPilot shows for its enums. Pure. */
import type { PilotStep, Tier, TriageField } from "../api/types";

export const TIER_LABELS: Record<Tier, string> = { discovery: "Discovery", exploring: "Exploring", guided: "Guided" };

export const TIER_HINTS: Record<Tier, string> = {
  discovery: "FlowPilot is asking to learn more; its suggestions are guesses.",
  exploring: "FlowPilot has leads worth checking, not a known answer.",
  guided: "FlowPilot is following a known procedure or a fix that worked.",
};

export const TRIAGE_FIELDS: readonly { field: TriageField; label: string; multiline?: boolean }[] = [
  { field: "client", label: "Client" },
  { field: "asset", label: "Asset" },
  { field: "category", label: "Category" },
  { field: "summary", label: "Summary", multiline: true },
  { field: "hypothesis", label: "Hypothesis", multiline: true },
  { field: "evidence", label: "Evidence", multiline: true },
];

export const SOURCE_LABELS: Record<string, string> = {
  flow: "Flow",
  history: "Past sessions",
  knowledge: "Knowledge",
  generic: "Generic",
  model: "Model",
  library: "Step library",
};

export const STEP_TYPE_LABELS: Record<PilotStep["type"], string> = {
  question: "Question",
  action: "Action",
  resolution_suggestion: "Suggested resolution",
  fork: "Two explanations",
};

export const ACTION_KIND_LABELS: Record<NonNullable<PilotStep["kind"]>, string> = {
  instruction: "Instruction",
  script: "Script",
  verification: "Verification",
  info_request: "Info request",
};

export const OUTCOME_LABELS: Record<"success" | "failed" | "partial" | "pending", string> = {
  success: "Success",
  failed: "Failed",
  partial: "Partial",
  pending: "Pending",
};

export const FIX_STATUS_LABELS: Record<"proposed" | "verifying" | "applied" | "dismissed", string> = {
  proposed: "Proposed",
  verifying: "Verifying",
  applied: "Applied",
  dismissed: "Dismissed",
};

/** Confidence 0–1 as a whole percentage, clamped. */
export function percent(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}

/** Where a source reference leads in the app. */
export function sourceHref(ref: { kind: string; id: string }): string | null {
  if (ref.kind === "flow") return `/flows/${ref.id}`;
  if (ref.kind === "session") return `/sessions/${ref.id}`;
  if (ref.kind === "knowledge") return `/knowledge/${ref.id}`;
  if (ref.kind === "step") return `/steps/${ref.id}`;
  return null;
}

/**
 * A step's heading and the Markdown under it: a question's text is "title\n\nbody" when it comes
 * from a flow node, so the first paragraph is the heading.
 */
export function stepHeading(step: PilotStep): { heading: string; body: string } {
  if (step.type === "action") return { heading: step.title ?? "Next step", body: step.instructions ?? "" };
  if (step.type === "resolution_suggestion") return { heading: "Suggested resolution", body: step.summary ?? "" };
  const text = (step.text ?? "").trim();
  const split = text.indexOf("\n\n");
  return split === -1 ? { heading: text || "Next step", body: "" } : { heading: text.slice(0, split).trim(), body: text.slice(split + 2).trim() };
}

/** The answer recorded on a step, in words ("Follow this flow", "GlobalProtect 6.2", "Skipped"). */
export function answerText(step: PilotStep): string {
  if (step.status === "skipped") return "Skipped";
  if (step.status === "superseded") return "Not answered (moved on)";
  if (step.status === "undone") return "Undone (went back)";
  const a = step.answer ?? {};
  const option = typeof a.option === "string" ? a.option : "";
  const text = typeof a.text === "string" ? a.text : "";
  const chosen = step.type === "fork" ? (step.hypotheses.find((h) => h.id === option)?.title ?? option) : option;
  const said = [chosen, text].filter(Boolean).join(" — ") || "Answered";
  return step.inferred ? `${said} (from the intake)` : said;
}

/** The options that pick with number keys, in order (a fork's are its hypotheses). */
export function keyedOptions(step: PilotStep): string[] {
  if (step.type === "fork") return step.hypotheses.map((h) => h.id);
  // A suggested resolution without options (the flow's end) offers "Resolve now".
  if (step.type === "resolution_suggestion" && step.options.length === 0) return ["Resolve now"];
  return step.options;
}
