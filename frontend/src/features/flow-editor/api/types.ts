/** Flow shapes read off the generated client (keyed by URL and method). */
import type { ItemOf, RequestBody, ResponseBody } from "@/api/types";

export type FlowRead = ResponseBody<"/api/v1/flows/{flow_id}", "get">;
export type FlowSummary = ItemOf<ResponseBody<"/api/v1/flows", "get">>;
export type DraftBody = RequestBody<"/api/v1/flows/{flow_id}/draft", "put">;
export type ValidationReport = ResponseBody<"/api/v1/flows/validate", "post">;
export type Problem = ValidationReport["problems"][number];
export type VersionSummary = ItemOf<ResponseBody<"/api/v1/flows/{flow_id}/versions", "get">>;
export type FlowDiff = ResponseBody<"/api/v1/flows/{flow_id}/diff", "get">;
