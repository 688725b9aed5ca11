import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/** Flows for the subflow picker (only published ones can be run as a subflow). */
export const subflowSearchQuery = (q: string) => {
  const query = { q: q || undefined, limit: 20, archived: false };
  return queryOptions({
    queryKey: queryKeys.flows.list({ ...query, purpose: "subflow" }),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows", { params: { query }, signal })),
  });
};

export function useSubflowSearch(q: string) {
  return useQuery({ ...subflowSearchQuery(q), placeholderData: keepPreviousData });
}
