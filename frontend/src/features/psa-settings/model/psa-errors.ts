/**
 * What to say about a failed PSA call. The PSA's own failures (502 `psa-error`) and "nothing is
 * connected" (409 `psa-not-configured`) carry a sentence meant for people, which the generic
 * problem message would hide behind "Something went wrong on our side".
 */
import { formMessage, type Problem, toProblem } from "@/lib/problem";

const slugOf = (p: Problem) => p.type?.split("/").pop() ?? "";

export function isPsaNotConfigured(error: unknown): boolean {
  const p = toProblem(error);
  return p.status === 409 && (slugOf(p) === "psa-not-configured" || !p.type);
}

export function isPsaFailure(error: unknown): boolean {
  const p = toProblem(error);
  return p.status === 502 || slugOf(p) === "psa-error";
}

/** The sentence to show; `shownFields` show their own errors next to their inputs. */
export function psaErrorMessage(error: unknown, shownFields: readonly string[] = []): string {
  const p = toProblem(error);
  if (isPsaFailure(error) || isPsaNotConfigured(error)) return p.detail;
  return formMessage(p, shownFields);
}

/** Test-result kinds, in words (unknown kinds are shown as they come). */
export const TEST_KIND_LABELS: Record<string, string> = {
  credentials: "Credentials rejected",
  permission: "Missing permission",
  unreachable: "PSA unreachable",
  wrong_codebase: "Wrong codebase or URL",
  redirected: "Redirected",
};
