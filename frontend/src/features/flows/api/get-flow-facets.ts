import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const facetsQuery = queryOptions({
  queryKey: queryKeys.flows.facets,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/flows/facets", { signal })),
});

export function useFlowFacets() {
  return useQuery(facetsQuery);
}
