/** PSA failures are shown in the PSA's (or our) plain words, not as "something went wrong". */
import { ApiError, errorMessage } from "@/lib/problem";

const PSA_PROBLEMS = ["psa-not-configured", "psa-error", "psa-refused", "psa-unsupported", "psa-member-unknown"];

export function problemKind(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const type = error.problem.type ?? "";
  return PSA_PROBLEMS.find((k) => type.endsWith(k)) ?? null;
}

export function ticketErrorMessage(error: unknown): string {
  if (error instanceof ApiError && problemKind(error) && error.problem.detail) return error.problem.detail;
  return errorMessage(error);
}
