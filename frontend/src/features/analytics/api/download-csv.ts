/**
 * "Download CSV" for every analytics table: the same endpoint and filters with `format=csv`,
 * through the typed client (so the access token goes along), saved under the server's name.
 */
import { useMutation } from "@tanstack/react-query";
import { api } from "@/api/client";
import { downloadResponse } from "@/lib/download";
import type { AnalyticsQuery } from "../model/filters";
import { COVERAGE_MAPS, type CoverageMap } from "./types";

export type CsvTable =
  | { table: "headline" | "series"; query: AnalyticsQuery }
  | { table: "flows"; query: AnalyticsQuery }
  | { table: "flow"; flowId: string; query: AnalyticsQuery }
  | { table: "coverage"; map: CoverageMap; query: AnalyticsQuery };

export function downloadCsv(what: CsvTable): Promise<string> {
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
