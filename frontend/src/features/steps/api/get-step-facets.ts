import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

export const stepFacetsQuery = queryOptions({
  queryKey: stepKeys.facets,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/steps/facets", { signal })),
  staleTime: 60_000,
});

/** The tags and categories in use, for the library's filters and the form's suggestions. */
export function useStepFacets() {
  return useQuery(stepFacetsQuery);
}
