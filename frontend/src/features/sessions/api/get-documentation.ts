/** GET /sessions/{id}/documentation?format=… — the redacted ticket note as raw text. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { ApiError, parseProblem } from "@/lib/problem";

export type DocFormat = "markdown" | "text" | "html";

type TextGet = (
  path: string,
  init: { params: { path: { session_id: string }; query: { format: DocFormat } }; parseAs: "text"; signal?: AbortSignal },
) => Promise<{ data?: string; error?: unknown; response: Response }>;
// Until the route is in the generated schema, call it through the same client (auth middleware
// included) with the shape the contract documents.
const getText = api.GET as unknown as TextGet;

/** Read as text, so an error body (problem+json) arrives as a string: parse it back. */
async function unwrapText(promise: ReturnType<TextGet>): Promise<string> {
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
        getText("/api/v1/sessions/{session_id}/documentation", {
          params: { path: { session_id: id }, query: { format } },
          parseAs: "text",
          signal,
        }),
      ),
  });

/** Keeps the previous text on screen while the refreshed note loads (no flicker per event). */
export function useDocumentation(id: string, format: DocFormat) {
  return useQuery({ ...documentationQuery(id, format), placeholderData: keepPreviousData });
}
