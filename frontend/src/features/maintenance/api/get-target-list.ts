import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const targetListQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.maintenance.targetList(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/target-lists/{target_list_id}", { params: { path: { target_list_id: id } }, signal })),
    staleTime: 30_000,
    // An editor holds unsaved rows: don't swap the list under it.
    refetchOnWindowFocus: false,
  });

export function useTargetList(id: string | null) {
  return useQuery({ ...targetListQuery(id ?? ""), enabled: Boolean(id) });
}
