/** GET /maintenance/batches/{id}/report?format=markdown|html|pdf&audience=internal|client&intent=preview|download (+ export options) — raw text, or a PDF. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, exportQuery } from "@/components/export-options";
import { downloadResponse } from "@/lib/download";
import { type TextResult, unwrapText } from "@/lib/text-response";

export type ReportFormat = "markdown" | "html";
export type ReportAudience = "internal" | "client";
/** `preview`: shown in the app, records nothing; `download`: a client report leaves the server (recorded). */
export type ReportIntent = "preview" | "download";

export function fetchReport(
  batchId: string,
  format: ReportFormat,
  audience: ReportAudience,
  intent: ReportIntent,
  signal?: AbortSignal,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): Promise<string> {
  return unwrapText(
    api.GET("/api/v1/maintenance/batches/{batch_id}/report", {
      params: { path: { batch_id: batchId }, query: { format, audience, intent, ...exportQuery(options) } },
      parseAs: "text",
      signal,
    }) as Promise<TextResult>,
  );
}

/** Downloads the report as a branded PDF; resolves to the file name. */
export function downloadReportPdf(batchId: string, audience: ReportAudience, options: ExportOptions, fallbackName: string): Promise<string> {
  return downloadResponse(
    api.GET("/api/v1/maintenance/batches/{batch_id}/report", {
      params: { path: { batch_id: batchId }, query: { format: "pdf", audience, intent: "download", ...exportQuery(options) } },
      parseAs: "blob",
    }),
    fallbackName,
  );
}

export const reportQuery = (
  batchId: string,
  format: ReportFormat,
  audience: ReportAudience,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
) =>
  queryOptions({
    queryKey: [...queryKeys.maintenance.batch(batchId), "report", format, audience, exportQuery(options)] as const,
    queryFn: ({ signal }) => fetchReport(batchId, format, audience, "preview", signal, options),
    staleTime: 10_000,
  });

export function useReport(
  batchId: string,
  format: ReportFormat,
  audience: ReportAudience,
  enabled = true,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
) {
  return useQuery({ ...reportQuery(batchId, format, audience, options), enabled, placeholderData: keepPreviousData });
}
