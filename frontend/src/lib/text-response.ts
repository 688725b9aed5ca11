/**
 * Reading a text endpoint (ticket notes) through the API client: with `parseAs: "text"` an
 * error body (problem+json) also arrives as a string, so it is parsed back into the problem.
 */
import { ApiError, parseProblem } from "./problem";

export type TextResult = { data?: string; error?: unknown; response: Response };

export async function unwrapText(promise: Promise<TextResult>): Promise<string> {
  const { data, error, response } = await promise;
  if (!response.ok) {
    let body: unknown = error;
    if (typeof error === "string") {
      try {
        body = JSON.parse(error);
      } catch {
        // plain text stays as it is
      }
    }
    throw new ApiError(parseProblem(response, body));
  }
  return data ?? "";
}
