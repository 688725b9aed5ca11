/** GET /sessions/{id}/documentation?format=… — the redacted ticket note as raw text. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { type TextResult, unwrapText } from "@/lib/text-response";

export type DocFormat = "markdown" | "text" | "html";
/** Why the note is fetched: anything but "preview" is an outbound send the server records. */
export type DocIntent = "preview" | "copy" | "download";

export function fetchDocumentation(id: string, format: DocFormat, intent: DocIntent, signal?: AbortSignal): Promise<string> {
  return unwrapText(
    api.GET("/api/v1/sessions/{session_id}/documentation", {
      params: { path: { session_id: id }, query: { format, intent } },
      parseAs: "text",
      signal,
    }) as Promise<TextResult>,
  );
}

export const documentationQuery = (id: string, format: DocFormat) =>
  queryOptions({
    queryKey: queryKeys.sessions.documentationAs(id, format),
    queryFn: ({ signal }) => fetchDocumentation(id, format, "preview", signal),
  });

/** Keeps the previous text on screen while the refreshed note loads (no flicker per event). */
export function useDocumentation(id: string, format: DocFormat) {
  return useQuery({ ...documentationQuery(id, format), placeholderData: keepPreviousData });
}
