import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

/** The library step a node is linked to: is its revision ahead of the node's copy? */
export const libraryStepQuery = (id: string) =>
  queryOptions({
    queryKey: stepKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/steps/{library_step_id}", { params: { path: { library_step_id: id } }, signal })),
    staleTime: 30_000,
    // A deleted step is a 404: say so at once instead of retrying.
    retry: false,
  });

export function useLibraryStep(id: string | null) {
  return useQuery({ ...libraryStepQuery(id ?? ""), enabled: Boolean(id) });
}
