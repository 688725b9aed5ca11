/** GET /sessions/{id}/documentation?format=… — the redacted ticket note as raw text. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { ApiError, parseProblem } from "@/lib/problem";

export type DocFormat = "markdown" | "text" | "html";

type TextResult = { data?: string; error?: unknown; response: Response };

/** Read as text, so an error body (problem+json) arrives as a string: parse it back. */
async function unwrapText(promise: Promise<TextResult>): Promise<string> {
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

export const documentationQuery = (id: string, format: DocFormat) =>
  queryOptions({
    queryKey: queryKeys.sessions.documentationAs(id, format),
    queryFn: ({ signal }) =>
      unwrapText(
        api.GET("/api/v1/sessions/{session_id}/documentation", {
          params: { path: { session_id: id }, query: { format } },
          parseAs: "text",
          signal,
        }) as Promise<TextResult>,
      ),
  });

/** Keeps the previous text on screen while the refreshed note loads (no flicker per event). */
export function useDocumentation(id: string, format: DocFormat) {
  return useQuery({ ...documentationQuery(id, format), placeholderData: keepPreviousData });
}
