/**
 * Building flows with AI and from KB articles: what the dialogs need to read the server's
 * answers (leftover problems, "configure a model") and to check an article before sending it.
 */
import type { Problem } from "@/lib/problem";

export interface LeftoverProblem {
  code: string;
  message: string;
  node_id?: string | null;
}

/** The article formats the server extracts (knowledge/extract.py). */
export const ARTICLE_EXTENSIONS = [".md", ".markdown", ".txt", ".html", ".htm", ".docx", ".pdf"] as const;
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Why this file can't be sent, or null. The server has the last word on the content. */
export function articleFileProblem(file: File): string | null {
  const dot = file.name.lastIndexOf(".");
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : "";
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext)) {
    return `${file.name} isn't a supported article — choose a Markdown, text, HTML, DOCX or PDF file.`;
  }
  if (file.size > MAX_ARTICLE_BYTES) return `This file is ${formatBytes(file.size)}; articles can be at most 16 MiB.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

/** A request the person cancelled (AbortController), as opposed to one that failed. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException ? error.name === "AbortError" : error instanceof Error && error.name === "AbortError";
}

/** Problems the model could not repair, sent with a 422 when its flow stayed unreadable. */
export function problemsOf(problem: Problem): LeftoverProblem[] {
  const raw = problem.body?.problems;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p): LeftoverProblem[] =>
    p && typeof p === "object" && typeof (p as LeftoverProblem).message === "string"
      ? [{ code: String((p as LeftoverProblem).code ?? ""), message: (p as LeftoverProblem).message, node_id: (p as LeftoverProblem).node_id ?? null }]
      : [],
  );
}

/**
 * A 422 that says what to configure (no model, or this month's AI budget used up) rather than what
 * is wrong with the request: the server types it `model-required`.
 */
export function isModelSetupProblem(problem: Problem): boolean {
  return problem.status === 422 && (problem.type?.endsWith("/model-required") ?? false);
}

/** The model could not answer (timeout, provider down): worth retrying. */
export function isModelUnavailable(problem: Problem): boolean {
  return problem.status === 502 || (problem.type?.endsWith("/model-unavailable") ?? false);
}
