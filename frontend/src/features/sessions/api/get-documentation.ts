/** GET /sessions/{id}/documentation?format=…&timestamps=…&detail=…&redaction=… — the redacted ticket note as raw text, or as a PDF. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, exportQuery } from "@/components/export-options";
import { downloadResponse } from "@/lib/download";
import { type TextResult, unwrapText } from "@/lib/text-response";

export type DocFormat = "markdown" | "text" | "html";
/** Why the note is fetched: anything but "preview" is an outbound send the server records. */
export type DocIntent = "preview" | "copy" | "download";

export function fetchDocumentation(
  id: string,
  format: DocFormat,
  intent: DocIntent,
  signal?: AbortSignal,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): Promise<string> {
  return unwrapText(
    api.GET("/api/v1/sessions/{session_id}/documentation", {
      params: { path: { session_id: id }, query: { format, intent, ...exportQuery(options) } },
      parseAs: "text",
      signal,
    }) as Promise<TextResult>,
  );
}

/** Downloads the note as a branded PDF (an outbound send, recorded); resolves to the file name. */
export function downloadDocumentationPdf(id: string, options: ExportOptions, fallbackName: string): Promise<string> {
  return downloadResponse(
    api.GET("/api/v1/sessions/{session_id}/documentation", {
      params: { path: { session_id: id }, query: { format: "pdf", intent: "download", ...exportQuery(options) } },
      parseAs: "blob",
    }),
    fallbackName,
  );
}

export const documentationQuery = (id: string, format: DocFormat, options: ExportOptions = DEFAULT_EXPORT_OPTIONS) =>
  queryOptions({
    queryKey: [...queryKeys.sessions.documentationAs(id, format), exportQuery(options)] as const,
    queryFn: ({ signal }) => fetchDocumentation(id, format, "preview", signal, options),
  });

/** Keeps the previous text on screen while the refreshed note loads (no flicker per event). */
export function useDocumentation(id: string, format: DocFormat, options: ExportOptions = DEFAULT_EXPORT_OPTIONS) {
  return useQuery({ ...documentationQuery(id, format, options), placeholderData: keepPreviousData });
}
