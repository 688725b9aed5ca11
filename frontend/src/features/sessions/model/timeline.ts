/** How each timeline event is shown: an icon, a label, and what it carried. Pure. */
import { NODE_TYPE_LABELS, isNodeType } from "@/lib/flow-graph/types";
import { formatHoursMinutes } from "./clock";

export type EventTone = "default" | "quiet" | "marked" | "success" | "warning" | "danger";

export interface EventDisplay {
  /** A short glyph shown in the timeline's rail (decorative; the label says it in words). */
  icon: string;
  label: string;
  tone: EventTone;
  /** The main line: a step title, an answer… (plain text). */
  text?: string;
  /** Secondary plain-text lines: "Answer: Yes", "Result: …". */
  details: string[];
  /** Markdown to render (notes). */
  markdown?: string;
  /** Command output, kept verbatim. */
  output?: { text: string; command?: string };
  /** A list (follow-ups, checklist items). */
  list?: string[];
  /** A command to run (an accepted copilot suggestion), shown monospaced. */
  command?: string;
  /** A file attached to the session, downloadable by id. */
  attachment?: { id: string; filename: string; contentType: string; size: number };
}

/** How long one step took (from shown to answered, pauses excluded): "45s", "2m 10s", "1h 05m". */
export function formatStepTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

const OUTCOME_WORDS: Record<string, string> = {
  resolved: "Resolved",
  unresolved: "Not resolved",
  escalate: "Escalate",
  escalated: "Escalated",
  abandoned: "Abandoned",
};

export function outcomeLabel(outcome: string | null | undefined): string {
  if (!outcome) return "";
  return OUTCOME_WORDS[outcome] ?? humanize(outcome);
}

function humanize(type: string): string {
  const s = type.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** A step's text is "title\n\nbody" for flow steps; the timeline shows the first line. */
function firstLine(text: string | undefined): string | undefined {
  return text?.split("\n")[0]?.trim() || undefined;
}

const PILOT_STEP_WORDS: Record<string, string> = {
  question: "question",
  action: "action",
  resolution_suggestion: "suggested resolution",
  fork: "fork",
};

function typeLabel(nodeType: unknown): string {
  return isNodeType(nodeType) ? NODE_TYPE_LABELS[nodeType] : "Step";
}

export function describeEvent(event: { type: string; payload: Record<string, unknown> }): EventDisplay {
  const p = event.payload ?? {};
  const title = str(p.title);
  const result = str(p.result);
  const withResult = (details: string[]) => (result ? [...details, `Result: ${result}`] : details);
  switch (event.type) {
    case "started": {
      const flow = str(p.flow_title);
      const version = str(p.version);
      const details = [flow ? `Flow: ${flow}${version ? ` (v${version})` : ""}` : "Freeform (no flow)"];
      if (str(p.ticket_id)) details.push(`Ticket: ${str(p.ticket_id)}`);
      return { icon: "▶", label: "Session started", tone: "default", text: title, details };
    }
    case "step_shown":
      return { icon: "·", label: `${typeLabel(p.node_type)} shown`, tone: "quiet", text: title, details: [] };
    case "answer": {
      const nodeType = p.node_type;
      if (nodeType === "question" && p.inferred_from_intake === true) {
        // FlowPilot took the answer from the intake instead of asking: say so, and from which words.
        const evidence = str(p.evidence);
        return {
          icon: "↷",
          label: "Answered from the intake",
          tone: "default",
          text: title,
          details: withResult([`Answer: ${str(p.answer) ?? "—"}`, ...(evidence ? [`The intake said: “${evidence}”`] : [])]),
        };
      }
      if (nodeType === "question") {
        return { icon: "?", label: "Answered", tone: "default", text: title, details: withResult([`Answer: ${str(p.answer) ?? "—"}`]) };
      }
      if (nodeType === "input") {
        const variable = str(p.variable);
        // A secret's event carries only "••• (secret captured)": the value never left the runner.
        return {
          icon: p.secret === true ? "•••" : "✎",
          label: p.secret === true ? "Secret captured" : "Value entered",
          tone: "default",
          text: title,
          details: withResult([`${variable ? `${variable} = ` : ""}${str(p.value) ?? ""}`]),
        };
      }
      if (nodeType === "checklist") {
        return { icon: "☑", label: "Checklist completed", tone: "default", text: title, details: withResult([]), list: strings(p.items) };
      }
      if (nodeType === "subflow") {
        return { icon: "↳", label: "Subflow started", tone: "marked", text: title, details: withResult([]) };
      }
      return { icon: "✓", label: "Done", tone: "default", text: title, details: withResult([]) };
    }
    case "item_checked":
      return { icon: "☑", label: "Ticked", tone: "quiet", text: str(p.item), details: [] };
    case "item_unchecked":
      return { icon: "☐", label: "Unticked", tone: "quiet", text: str(p.item), details: [] };
    case "pilot_went_back":
      return {
        icon: "↩",
        label: p.was_inferred === true ? "Went back to a question skipped from the intake" : "Went back to a question",
        tone: "marked",
        text: firstLine(str(p.text)),
        details: [],
      };
    case "went_back":
      return { icon: "↩", label: "Went back", tone: "marked", text: title ? `Back to “${title}”` : "Back one step", details: [] };
    case "flow_switched": {
      const from = str(p.from_flow_title);
      const to = str(p.flow_title) ?? "another flow";
      const version = str(p.version);
      return {
        icon: "⇄",
        label: "Switched flow",
        tone: "marked",
        text: `${from ? `${from} → ` : ""}${to}${version ? ` (v${version})` : ""}`,
        details: [],
      };
    }
    case "experiment_assigned": {
      const variant = str(p.variant)?.toUpperCase();
      const version = str(p.version);
      return {
        icon: "⚖",
        label: "A/B test",
        tone: "quiet",
        text: `Variant ${variant ?? "?"}${version ? ` (v${version})` : ""} of the flow's A/B test`,
        details: [],
      };
    }
    case "subflow_entered":
      return { icon: "↳", label: "Entered subflow", tone: "marked", text: str(p.flow_title), details: str(p.version) ? [`Version ${str(p.version)}`] : [] };
    case "subflow_returned":
      return {
        icon: "↰",
        label: "Returned from subflow",
        tone: "marked",
        text: str(p.flow_title),
        details: [title ? `Ended at “${title}”${p.outcome ? ` (${outcomeLabel(str(p.outcome))})` : ""}` : ""].filter(Boolean),
      };
    case "flow_completed": {
      const outcome = str(p.outcome);
      return {
        icon: "⚑",
        label: "Flow finished",
        tone: outcome === "resolved" ? "success" : "warning",
        text: title ? `${title}${outcome ? ` (${outcomeLabel(outcome)})` : ""}` : outcomeLabel(outcome),
        details: [],
      };
    }
    case "note":
      return { icon: "✎", label: "Note", tone: "default", details: [], markdown: str(p.text) ?? "" };
    case "script_ran":
      // The server masked secret values already.
      return { icon: "⌘", label: "Ran script", tone: "default", text: str(p.text) ?? str(p.script_title) ?? "", details: [str(p.risk) ? `Risk: ${String(p.risk).replace("_", " ")}` : ""].filter(Boolean) };
    case "command_output":
      return {
        icon: "›_",
        label: "Command output",
        tone: "default",
        details: [],
        output: { text: typeof p.text === "string" ? p.text : "", command: str(p.command) },
      };
    case "attachment": {
      const size = typeof p.size === "number" ? p.size : 0;
      const filename = str(p.filename) ?? "file";
      return {
        icon: "⎘",
        label: "Attachment",
        tone: "default",
        text: `${filename} (${formatBytes(size)})`,
        details: [],
        attachment: { id: str(p.attachment_id) ?? "", filename, contentType: str(p.content_type) ?? "", size },
      };
    }
    case "attachment_removed":
      return { icon: "⎘", label: "Attachment removed", tone: "default", text: str(p.filename) ?? "file", details: [] };
    case "copilot_question":
      return {
        icon: "?",
        label: p.via === "assist" ? "Asked ResolutionAssist" : "Asked the copilot",
        tone: "marked",
        details: [],
        markdown: str(p.content) ?? "",
      };
    case "copilot_reply": {
      const label = str(p.confidence_label);
      const confidence = typeof p.confidence === "number" ? p.confidence.toFixed(2) : null;
      const engine = [str(p.tier), str(p.model)].filter(Boolean).join(" · ");
      const sources = Array.isArray(p.sources)
        ? p.sources.map((s) => (s && typeof s === "object" && "title" in s ? str((s as { title: unknown }).title) : undefined)).filter((t): t is string => !!t)
        : [];
      const details = [[label ? `Confidence: ${label}${confidence ? ` (${confidence})` : ""}` : "", engine].filter(Boolean).join(" — ")];
      if (str(p.note)) details.push(str(p.note)!);
      if (sources.length) details.push(`Sources: ${sources.join(", ")}`);
      return { icon: "✦", label: "Copilot answered", tone: "marked", details: details.filter(Boolean), markdown: str(p.content) ?? "" };
    }
    case "suggestion_accepted": {
      const source = str(p.source_title);
      const kind = str(p.source_kind);
      const from = source ? `From ${kind === "session" ? "past session" : kind === "knowledge" ? "knowledge document" : kind ?? "source"} “${source}”` : null;
      return {
        icon: "✓",
        label: "Suggestion accepted",
        tone: "success",
        text: title,
        details: [str(p.instructions), from].filter((d): d is string => !!d),
        command: str(p.command),
      };
    }
    // FlowPilot
    case "pilot_intake": {
      const triage = p.triage && typeof p.triage === "object" ? (p.triage as Record<string, unknown>) : {};
      const details = (["category", "client", "asset", "evidence"] as const)
        .filter((k) => str(triage[k]))
        .map((k) => `${humanize(k)}: ${str(triage[k])}`);
      return { icon: "✦", label: "FlowPilot started from the intake", tone: "marked", text: firstLine(str(p.text)), details };
    }
    case "pilot_step_shown":
      return {
        icon: "·",
        label: `FlowPilot ${PILOT_STEP_WORDS[str(p.type) ?? ""] ?? "step"}`,
        tone: "quiet",
        text: firstLine(str(p.text)),
        details: [],
      };
    case "pilot_step_answered": {
      const answer = [str(p.option), str(p.answer_text)].filter(Boolean).join(" — ");
      return {
        icon: p.skipped ? "↷" : "?",
        label: p.skipped ? "FlowPilot step skipped" : "Answered FlowPilot",
        tone: p.skipped ? "quiet" : "default",
        text: firstLine(str(p.text)),
        details: p.skipped ? [] : [`Answer: ${answer || "—"}`],
      };
    }
    case "pilot_confidence": {
      const pct = typeof p.confidence === "number" ? `${Math.round(p.confidence * 100)}%` : "";
      const tier = str(p.tier);
      return { icon: "◔", label: "Confidence", tone: "quiet", text: [pct, tier ? humanize(tier) : ""].filter(Boolean).join(" · "), details: [] };
    }
    case "flow_proposed": {
      const score = typeof p.score === "number" ? ` (match ${Math.round(p.score * 100)}%)` : "";
      return { icon: "⇢", label: "Flow proposed", tone: "marked", text: `${title ?? "A flow"}${score}`, details: [] };
    }
    case "flow_accepted":
      return { icon: "✓", label: "Flow accepted", tone: "success", text: title, details: [] };
    case "flow_declined":
      return { icon: "✕", label: "Flow declined", tone: "quiet", text: title, details: [] };
    case "fact_proposed":
      return { icon: "?", label: "Fact proposed", tone: "quiet", text: str(p.text), details: [] };
    case "fact_confirmed":
      return { icon: "✓", label: p.origin === "engineer" ? "Fact added" : "Fact confirmed", tone: "default", text: str(p.text), details: [] };
    case "fact_edited":
      return { icon: "✎", label: "Fact edited", tone: "default", text: str(p.text), details: str(p.from) ? [`Was: ${str(p.from)}`] : [] };
    case "fact_deleted":
      return { icon: "✕", label: "Fact deleted", tone: "quiet", text: str(p.text), details: [] };
    case "fix_proposed":
      return { icon: "⚒", label: "Fix proposed", tone: "marked", text: title, details: [] };
    case "fix_status": {
      const status = str(p.status);
      const outcome = str(p.outcome);
      const tone: EventTone =
        status === "applied" ? (outcome === "success" ? "success" : outcome === "failed" ? "danger" : "warning") : status === "dismissed" ? "quiet" : "marked";
      const label = status === "applied" ? "Fix applied" : status === "verifying" ? "Verifying fix" : status === "dismissed" ? "Fix dismissed" : "Fix updated";
      return { icon: "⚒", label, tone, text: title, details: status === "applied" && outcome ? [`Outcome: ${humanize(outcome)}`] : [] };
    }
    case "triage_edited": {
      const fields = p.fields && typeof p.fields === "object" ? Object.entries(p.fields as Record<string, unknown>) : [];
      return {
        icon: "✎",
        label: "Triage edited",
        tone: "default",
        details: fields.map(([k, v]) => `${humanize(k)}: ${str(v) ?? "—"}`),
      };
    }
    // Escalations
    case "escalated": {
      const priority = str(p.priority);
      return {
        icon: "⇪",
        label: "Escalated",
        tone: "warning",
        text: str(p.reason),
        details: priority ? [`Priority: ${humanize(priority)}`] : [],
      };
    }
    case "claimed": {
      const who = str(p.claimed_by);
      return { icon: "⇲", label: "Picked up", tone: "marked", text: who ? `${who} picked up the session` : "The session was picked up", details: [] };
    }
    case "parked":
      return { icon: "⇢", label: "Parked", tone: "marked", text: str(p.note) ?? "", details: ["Waiting for pickup (not escalated)"] };
    case "paused":
      return { icon: "❚❚", label: "Paused", tone: "quiet", details: [] };
    case "resumed":
      return { icon: "▶", label: "Resumed", tone: "quiet", text: p.took_back_handoff_id ? "Taken back from the park" : undefined, details: [] };
    case "resolved":
    case "unresolved":
    case "abandoned": {
      const seconds = typeof p.active_seconds === "number" ? p.active_seconds : null;
      const details = seconds !== null ? [`Active time: ${formatHoursMinutes(seconds)}`] : [];
      return {
        icon: event.type === "resolved" ? "✔" : event.type === "unresolved" ? "✖" : "⊘",
        label: event.type === "resolved" ? "Resolved" : event.type === "unresolved" ? "Marked not resolved" : "Abandoned",
        tone: event.type === "resolved" ? "success" : event.type === "unresolved" ? "warning" : "danger",
        details,
        markdown: str(p.summary),
        list: strings(p.follow_ups),
      };
    }
    default:
      return { icon: "•", label: humanize(event.type), tone: "default", text: title, details: [] };
  }
}

/** Long command output starts folded: the first `limit` lines and a "Show all N lines" button. */
export function foldOutput(text: string, limit = 15): { lines: number; folded: boolean; head: string } {
  const lines = text.split("\n");
  // A trailing newline is not an extra line.
  const count = lines.length > 1 && lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
  if (count <= limit) return { lines: count, folded: false, head: text };
  return { lines: count, folded: true, head: lines.slice(0, limit).join("\n") };
}

/**
 * How many steps "Go back" can undo: each answer since the last flow switch adds one, each
 * "went back" removes one (mirrors the engine's trail).
 */
export function backDepth(timeline: readonly { type: string; id: string }[]): number {
  let depth = 0;
  for (const e of timeline) {
    if (e.id.startsWith("optimistic-")) continue;
    if (e.type === "flow_switched") depth = 0;
    else if (e.type === "answer") depth += 1;
    else if (e.type === "went_back") depth = Math.max(0, depth - 1);
  }
  return depth;
}
