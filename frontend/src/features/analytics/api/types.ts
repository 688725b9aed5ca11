/** The shapes of the analytics API, read off the generated client (docs/analytics.md defines the figures). */
import type { ResponseBody } from "@/api/types";

export type Overview = ResponseBody<"/api/v1/analytics/overview", "get">;
export type PreviousPeriod = Overview["previous"];
export type SeriesDay = Overview["series"][number];
export type FlowTable = ResponseBody<"/api/v1/analytics/flows", "get">;
export type FlowRow = FlowTable["items"][number];
export type QualityFormula = FlowTable["formula"];
export type FlowAnalytics = ResponseBody<"/api/v1/analytics/flows/{flow_id}", "get">;
export type NodeFigures = FlowAnalytics["nodes"][number];
export type EdgeFigures = FlowAnalytics["edges"][number];
export type Coverage = ResponseBody<"/api/v1/analytics/coverage", "get">;
export type CoverageCell = Coverage["cells"][number];
export type SessionsPage = ResponseBody<"/api/v1/analytics/sessions", "get">;
export type SessionRow = SessionsPage["items"][number];
export type CoverageRows = "category" | "client";
export type CoverageCols = "outcome" | "category";
/** The heat maps the page offers: category × outcome, client × outcome, client × category. */
export type CoverageMap = "category" | "client" | "client-category";

export const COVERAGE_MAPS: Record<CoverageMap, { rows: CoverageRows; cols: CoverageCols; label: string }> = {
  category: { rows: "category", cols: "outcome", label: "Category × outcome" },
  client: { rows: "client", cols: "outcome", label: "Client × outcome" },
  "client-category": { rows: "client", cols: "category", label: "Client × category" },
};

export function isCoverageMap(value: string | null): value is CoverageMap {
  return value !== null && value in COVERAGE_MAPS;
}
