/** GET /sessions/{id}/redaction-reports — every time the session's content left, with the kinds
 * and counts of what was redacted (never the values). */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type RedactionReport = ResponseBody<"/api/v1/sessions/{session_id}/redaction-reports", "get">[number];

export const redactionReportsQuery = (sessionId: string) =>
  queryOptions({
    queryKey: queryKeys.sessions.redactionReports(sessionId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/redaction-reports", { params: { path: { session_id: sessionId } }, signal })),
  });

export function useRedactionReports(sessionId: string, enabled: boolean) {
  return useQuery({ ...redactionReportsQuery(sessionId), enabled });
}
