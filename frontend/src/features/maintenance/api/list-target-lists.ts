import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

const LIMIT = 200;

export const targetListsQuery = () =>
  queryOptions({
    queryKey: [...queryKeys.maintenance.targetLists, "list"] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/target-lists", { params: { query: { limit: LIMIT } }, signal })),
    staleTime: 30_000,
  });

/** The target lists the caller can see (their teams' and the account-wide ones). */
export function useTargetLists() {
  return useQuery(targetListsQuery());
}
