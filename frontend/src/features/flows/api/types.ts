/** Flow shapes read off the generated client (keyed by URL and method). */
import type { ItemOf, QueryParams, ResponseBody } from "@/api/types";

export type FlowSummary = ItemOf<ResponseBody<"/api/v1/flows", "get">>;
export type FlowRead = ResponseBody<"/api/v1/flows/{flow_id}", "get">;
export type FlowListParams = QueryParams<"/api/v1/flows", "get">;
export type Folder = ItemOf<ResponseBody<"/api/v1/folders", "get">>;
export type Facets = ResponseBody<"/api/v1/flows/facets", "get">;
export type SortOrder = NonNullable<FlowListParams["sort"]>;
