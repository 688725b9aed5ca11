/**
 * RFC 9457 problem+json parsing: turns an error response into something a form can show —
 * a message, per-field messages (the last element of `errors[].loc` names the field), and the
 * Retry-After wait for 429s.
 */
export interface ProblemFieldError {
  loc: (string | number)[];
  msg: string;
  type?: string;
  /** Where a broken file is wrong (flow import). */
  line?: number;
  column?: number;
  file?: string;
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
  type?: string;
  errors: ProblemFieldError[];
  /** Seconds to wait, from the Retry-After header (429/503), else null. */
  retryAfter: number | null;
  requestId?: string;
  /** The whole problem body, for extension members (e.g. `current_revision`, `problems`). */
  body?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

const DEFAULT_TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  410: "No longer available",
  422: "Validation failed",
  429: "Too many requests",
  500: "Server error",
  503: "Service unavailable",
};

/** Parse Retry-After: either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseErrors(raw: unknown): ProblemFieldError[] {
  if (!Array.isArray(raw)) return [];
  const out: ProblemFieldError[] = [];
  for (const item of raw) {
    if (!isRecord(item)) continue;
    const loc = Array.isArray(item.loc)
      ? item.loc.filter((p): p is string | number => typeof p === "string" || typeof p === "number")
      : [];
    const msg = typeof item.msg === "string" ? item.msg : "Invalid value";
    const err: ProblemFieldError = { loc, msg, type: typeof item.type === "string" ? item.type : undefined };
    if (typeof item.line === "number") err.line = item.line;
    if (typeof item.column === "number") err.column = item.column;
    if (typeof item.file === "string") err.file = item.file;
    out.push(err);
  }
  return out;
}

/**
 * Build a Problem from a response status/headers and its (already parsed) body. The body may be
 * a problem object, a FastAPI `{"detail": ...}`, plain text, or nothing at all.
 */
export function parseProblem(
  response: { status: number; headers: Headers | { get(name: string): string | null } },
  body: unknown,
): Problem {
  const status = response.status;
  const fallbackTitle = DEFAULT_TITLES[status] ?? `Error ${status}`;
  const problem: Problem = {
    status,
    title: fallbackTitle,
    detail: "",
    errors: [],
    retryAfter: parseRetryAfter(response.headers.get("Retry-After")),
  };
  if (isRecord(body)) {
    problem.body = body;
    if (typeof body.title === "string") problem.title = body.title;
    if (typeof body.type === "string") problem.type = body.type;
    if (typeof body.detail === "string") problem.detail = body.detail;
    else if (Array.isArray(body.detail)) problem.errors = parseErrors(body.detail); // FastAPI default shape
    if (Array.isArray(body.errors)) problem.errors = parseErrors(body.errors);
    if (typeof body.request_id === "string") problem.requestId = body.request_id;
    if (typeof body.status === "number" && body.status >= 400) problem.status = body.status;
  } else if (typeof body === "string" && body.trim() !== "" && body.length < 300 && !body.trimStart().startsWith("<")) {
    problem.detail = body.trim();
  }
  if (!problem.detail) problem.detail = problem.title;
  return problem;
}

/** Pydantic prefixes custom messages with "Value error, "; people don't need that. */
function cleanMsg(msg: string): string {
  return msg.replace(/^(Value|Assertion) error, /, "");
}

/** Field name → message, keyed by the last element of `loc` (`["body","email"]` → `email`). */
export function fieldErrors(problem: Problem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const err of problem.errors) {
    const last = err.loc[err.loc.length - 1];
    if (last === undefined) continue;
    const key = String(last);
    out[key] = out[key] ? `${out[key]} ${cleanMsg(err.msg)}` : cleanMsg(err.msg);
  }
  return out;
}

export function tooManyAttemptsMessage(seconds: number | null): string {
  if (seconds == null) return "Too many attempts, try again in a little while.";
  return `Too many attempts, try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}

/**
 * The sentence to show at the top of a form. `shownFields` are fields that display their own
 * error next to the input; errors for any other field are folded into this message instead.
 */
export function formMessage(problem: Problem, shownFields: readonly string[] = []): string {
  if (problem.status === 429) return tooManyAttemptsMessage(problem.retryAfter);
  const fields = fieldErrors(problem);
  const keys = Object.keys(fields);
  if (keys.length > 0) {
    const unshown = keys.filter((k) => !shownFields.includes(k));
    if (unshown.length === 0) return "Please correct the highlighted fields.";
    return unshown.map((k) => (k === "body" ? fields[k] : `${k}: ${fields[k]}`)).join(" ");
  }
  if (problem.status >= 500) {
    return `Something went wrong on our side.${problem.requestId ? ` Request id: ${problem.requestId}.` : ""}`;
  }
  return problem.detail;
}

/** Best-effort Problem for anything thrown (network failures included). */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  const detail =
    error instanceof TypeError
      ? "Can't reach the server. Check your connection and try again."
      : error instanceof Error
        ? error.message
        : "Something went wrong.";
  return { status: 0, title: "Request failed", detail, errors: [], retryAfter: null };
}

export function errorMessage(error: unknown, shownFields: readonly string[] = []): string {
  return formMessage(toProblem(error), shownFields);
}
