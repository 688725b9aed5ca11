import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const diffQuery = (id: string, from: string, to: string) =>
  queryOptions({
    queryKey: queryKeys.flows.diff(id, from, to),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/flows/{flow_id}/diff", { params: { path: { flow_id: id }, query: { from, to } }, signal })),
    staleTime: 0,
  });

export function useDiff(id: string, from: number | null, to = "draft") {
  return useQuery({ ...diffQuery(id, String(from ?? 0), to), enabled: from !== null });
}
