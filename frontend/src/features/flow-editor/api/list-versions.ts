import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.flows.versions(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/flows/{flow_id}/versions", { params: { path: { flow_id: id } }, signal })),
  });

export function useVersions(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...versionsQuery(id), enabled: options.enabled ?? true });
}
