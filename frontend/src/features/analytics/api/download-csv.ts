/**
 * "Download CSV" for every analytics table: the same endpoint and filters with `format=csv`,
 * through the typed client (so the access token goes along), saved under the server's name.
 */
import { useMutation } from "@tanstack/react-query";
import { api } from "@/api/client";
import { downloadResponse } from "@/lib/download";
import type { AnalyticsQuery } from "../model/filters";
import type { SessionsQuery } from "./list-analytics-sessions";
import { COVERAGE_MAPS, type CoverageMap } from "./types";

/** The most rows the sessions CSV holds (the API's cap; docs/analytics.md). */
export const SESSIONS_CSV_MAX = 10_000;

export type CsvTable =
  | { table: "headline" | "series"; query: AnalyticsQuery }
  | { table: "flows"; query: AnalyticsQuery }
  | { table: "flow"; flowId: string; query: AnalyticsQuery }
  | { table: "coverage"; map: CoverageMap; query: AnalyticsQuery }
  | { table: "sessions"; query: SessionsQuery };

/** The file saved, and whether the API left rows out (the sessions CSV stops at its cap). */
export type CsvSaved = { name: string; truncated: boolean };

export async function downloadCsv(what: CsvTable): Promise<CsvSaved> {
  if (what.table === "sessions") {
    const result = await api.GET("/api/v1/analytics/sessions", {
      params: { query: { ...what.query, format: "csv" } },
      parseAs: "blob",
    });
    const name = await downloadResponse(Promise.resolve(result), "analytics-sessions.csv");
    return { name, truncated: result.response.headers.get("X-Rows-Truncated") === "true" };
  }
  return { name: await downloadTable(what), truncated: false };
}

function downloadTable(what: Exclude<CsvTable, { table: "sessions" }>): Promise<string> {
  switch (what.table) {
    case "headline":
    case "series":
      return downloadResponse(
        api.GET("/api/v1/analytics/overview", {
          params: { query: { ...what.query, format: "csv", table: what.table } },
          parseAs: "blob",
        }),
        `analytics-${what.table}.csv`,
      );
    case "flows":
      return downloadResponse(
        api.GET("/api/v1/analytics/flows", { params: { query: { ...what.query, format: "csv" } }, parseAs: "blob" }),
        "analytics-flows.csv",
      );
    case "flow":
      return downloadResponse(
        api.GET("/api/v1/analytics/flows/{flow_id}", {
          params: { path: { flow_id: what.flowId }, query: { ...what.query, format: "csv" } },
          parseAs: "blob",
        }),
        "analytics-flow.csv",
      );
    case "coverage":
      return downloadResponse(
        api.GET("/api/v1/analytics/coverage", {
          params: { query: { ...what.query, ...COVERAGE_MAPS[what.map], format: "csv" } },
          parseAs: "blob",
        }),
        `analytics-coverage-${what.map}.csv`,
      );
  }
}

export function useDownloadCsv() {
  return useMutation({ mutationFn: downloadCsv });
}
