import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const batchQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.maintenance.batch(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/maintenance/batches/{batch_id}", { params: { path: { batch_id: id } }, signal })),
    // The stream keeps it current (see use-live-batch).
    staleTime: 30_000,
  });

export function useBatch(id: string) {
  return useQuery(batchQuery(id));
}
