/** GET /maintenance/batches/{id}/report?format=markdown|html&audience=internal|client&intent=preview|download — raw text. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
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
): Promise<string> {
  return unwrapText(
    api.GET("/api/v1/maintenance/batches/{batch_id}/report", {
      params: { path: { batch_id: batchId }, query: { format, audience, intent } },
      parseAs: "text",
      signal,
    }) as Promise<TextResult>,
  );
}

export const reportQuery = (batchId: string, format: ReportFormat, audience: ReportAudience) =>
  queryOptions({
    queryKey: [...queryKeys.maintenance.batch(batchId), "report", format, audience] as const,
    queryFn: ({ signal }) => fetchReport(batchId, format, audience, "preview", signal),
    staleTime: 10_000,
  });

export function useReport(batchId: string, format: ReportFormat, audience: ReportAudience, enabled = true) {
  return useQuery({ ...reportQuery(batchId, format, audience), enabled });
}
