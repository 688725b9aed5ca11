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
