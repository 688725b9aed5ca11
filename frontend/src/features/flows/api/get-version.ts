import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const versionQuery = (id: string, number: number) =>
  queryOptions({
    queryKey: queryKeys.flows.version(id, number),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/flows/{flow_id}/versions/{number}", { params: { path: { flow_id: id, number } }, signal })),
    staleTime: Number.POSITIVE_INFINITY, // published versions never change
  });

export function useFlowVersion(id: string, number: number | null) {
  return useQuery({ ...versionQuery(id, number ?? 0), enabled: number !== null });
}
