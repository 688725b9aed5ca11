import { api, unwrap } from "@/api/client";
import type { RequestBody } from "@/api/types";

type Graph = RequestBody<"/api/v1/flows/validate", "post">;

/** Validates an unsaved graph (the editor's live validation). */
export function validateGraph(graph: Graph, flowId: string, signal?: AbortSignal) {
  return unwrap(api.POST("/api/v1/flows/validate", { body: graph, params: { query: { flow_id: flowId } }, signal }));
}
