/** GET /maintenance/batches/{id}/report?format=markdown|html&audience=internal|client — raw text. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { type TextResult, unwrapText } from "@/lib/text-response";

export type ReportFormat = "markdown" | "html";
export type ReportAudience = "internal" | "client";

export function fetchReport(batchId: string, format: ReportFormat, audience: ReportAudience, signal?: AbortSignal): Promise<string> {
  return unwrapText(
    api.GET("/api/v1/maintenance/batches/{batch_id}/report", {
      params: { path: { batch_id: batchId }, query: { format, audience } },
      parseAs: "text",
      signal,
    }) as Promise<TextResult>,
  );
}

export const reportQuery = (batchId: string, format: ReportFormat, audience: ReportAudience) =>
  queryOptions({
    queryKey: [...queryKeys.maintenance.batch(batchId), "report", format, audience] as const,
    queryFn: ({ signal }) => fetchReport(batchId, format, audience, signal),
    staleTime: 10_000,
  });

export function useReport(batchId: string, format: ReportFormat, audience: ReportAudience, enabled = true) {
  return useQuery({ ...reportQuery(batchId, format, audience), enabled });
}
