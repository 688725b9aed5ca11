import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const flowQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.flows.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id } }, signal })),
  });

/**
 * The flow as the editor opens it: always fetched fresh (never a cached copy that could be
 * older than the stored draft), and never refetched behind the editor's back.
 */
export function useEditorFlow(id: string) {
  return useQuery({
    queryKey: [...queryKeys.flows.detail(id), "editor"] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows/{flow_id}", { params: { path: { flow_id: id } }, signal })),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}
