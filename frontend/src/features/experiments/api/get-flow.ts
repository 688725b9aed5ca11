import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

/** The flow the test page is about (title, published version, unpublished changes). */
export const flowQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.flows.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id } }, signal })),
  });

export function useFlow(id: string) {
  return useQuery(flowQuery(id));
}

export type FlowRead = ResponseBody<"/api/v1/flows/{flow_id}", "get">;
