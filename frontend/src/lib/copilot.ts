/**
 * Copilot replies, shared by the session copilot and ResolutionAssist: their shape (read off the
 * generated client), reading a streamed answer (server-sent events over the authenticated
 * fetch), and rebuilding a reply from what the timeline or a conversation stored.
 */
import type { ResponseBody } from "@/api/types";
import { ApiError, parseProblem } from "./problem";
import { parseSse } from "./sse";

export type CopilotReply = ResponseBody<"/api/v1/sessions/{session_id}/copilot/messages", "post">;
export type CopilotSource = CopilotReply["sources"][number];
export type CopilotSuggestion = CopilotReply["suggestions"][number];
export type ConfidenceLabel = CopilotReply["confidence_label"];

export interface StreamHandlers {
  /** More of the answer being written (append it). */
  onDelta: (text: string) => void;
  /** The text so far is being replaced (a retry, a fallback): clear it, say why. */
  onReset: (reason: string) => void;
}

/** Where a cited source opens in the app. */
export function sourceHref(source: Pick<CopilotSource, "kind" | "id">): string {
  if (source.kind === "flow") return `/flows/${source.id}`;
  if (source.kind === "session") return `/sessions/${source.id}`;
  if (source.kind === "step") return `/steps/${source.id}`;
  return `/knowledge/${source.id}`;
}

export const SOURCE_KIND_LABELS: Record<CopilotSource["kind"], string> = {
  flow: "Flow",
  session: "Past session",
  knowledge: "Knowledge document",
  step: "Library step",
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function num(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function source(raw: unknown): CopilotSource | null {
  if (!isRecord(raw)) return null;
  const kind = raw.kind;
  if (kind !== "flow" && kind !== "session" && kind !== "knowledge" && kind !== "step") return null;
  if (typeof raw.id !== "string") return null;
  return { kind, id: raw.id, title: text(raw.title), snippet: text(raw.snippet), relevance: num(raw.relevance, 0) };
}

function suggestion(raw: unknown): CopilotSuggestion | null {
  if (!isRecord(raw) || typeof raw.title !== "string") return null;
  return {
    title: raw.title,
    instructions: text(raw.instructions),
    command: typeof raw.command === "string" && raw.command ? raw.command : null,
    source: source(raw.source),
    confidence: num(raw.confidence, 0.5),
  };
}

export function confidenceLabel(confidence: number): ConfidenceLabel {
  return confidence >= 0.75 ? "high" : confidence >= 0.45 ? "medium" : "low";
}

/**
 * A reply rebuilt from a stored payload (a `copilot_reply` timeline event, an assistant message
 * of a conversation). Defensive: stored payloads are plain JSON.
 */
export function replyFromPayload(content: string, payload: Record<string, unknown>, replySeq: number | null): CopilotReply {
  const confidence = num(payload.confidence, 0.5);
  const label = payload.confidence_label;
  return {
    content,
    sources: Array.isArray(payload.sources) ? payload.sources.map(source).filter((s): s is CopilotSource => s !== null) : [],
    confidence,
    confidence_label: label === "low" || label === "medium" || label === "high" ? label : confidenceLabel(confidence),
    tier: payload.tier === "deep" ? "deep" : "fast",
    model: text(payload.model),
    provider: text(payload.provider),
    suggestions: Array.isArray(payload.suggestions)
      ? payload.suggestions.map(suggestion).filter((s): s is CopilotSuggestion => s !== null)
      : [],
    note: typeof payload.note === "string" && payload.note ? payload.note : null,
    reason: text(payload.reason),
    question_seq: typeof payload.question_seq === "number" ? payload.question_seq : null,
    reply_seq: replySeq,
  };
}

/** The problem a stream's `error` event carried (its data is a problem body). */
function streamProblem(data: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(data);
  } catch {
    body = null;
  }
  // Some servers wrap it: {"problem": {...}}.
  if (isRecord(body) && isRecord(body.problem)) body = body.problem;
  const status = isRecord(body) && typeof body.status === "number" ? body.status : 500;
  return new ApiError(parseProblem({ status, headers: new Headers() }, body));
}

export const CUT_OFF_MESSAGE = "The answer was cut off before it finished. Ask again.";

/**
 * Reads a copilot answer from a response: server-sent events (`delta`, `reset`, then `reply`
 * or `error`) or, if the server answered with JSON anyway, the reply itself.
 */
export async function readReply(response: Response, handlers: StreamHandlers): Promise<CopilotReply> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("text/event-stream")) {
    if (!response.bodyUsed) return (await response.json()) as CopilotReply;
    throw new ApiError(parseProblem(response, null));
  }
  const body = response.body;
  if (!body) throw new ApiError(parseProblem({ status: 502, headers: response.headers }, { detail: CUT_OFF_MESSAGE }));
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() + "\n\n" : decoder.decode(value, { stream: true });
      const parsed = parseSse(buffer);
      buffer = parsed.rest;
      for (const message of parsed.messages) {
        if (message.event === "delta") {
          const data = JSON.parse(message.data) as { text?: unknown };
          if (typeof data.text === "string") handlers.onDelta(data.text);
        } else if (message.event === "reset") {
          const data = JSON.parse(message.data) as { reason?: unknown };
          handlers.onReset(typeof data.reason === "string" ? data.reason : "");
        } else if (message.event === "reply") {
          return JSON.parse(message.data) as CopilotReply;
        } else if (message.event === "error") {
          throw streamProblem(message.data);
        }
      }
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
  throw new ApiError(parseProblem({ status: 502, headers: new Headers() }, { title: "Answer cut off", detail: CUT_OFF_MESSAGE }));
}
