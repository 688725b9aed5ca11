import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const flowQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.flows.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id } }, signal })),
  });

export function useFlow(id: string) {
  return useQuery(flowQuery(id));
}
