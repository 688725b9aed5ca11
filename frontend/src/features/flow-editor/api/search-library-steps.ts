import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

export const PALETTE_LIMIT = 20;

/** The step palette's search: best match when searching, else the best rated. */
export const libraryStepsQuery = (q: string) =>
  queryOptions({
    queryKey: stepKeys.palette(q),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/steps", {
          params: { query: { q: q || undefined, sort: q ? "relevance" : "rating", limit: PALETTE_LIMIT } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });

export function useLibraryStepSearch(q: string, enabled = true) {
  return useQuery({ ...libraryStepsQuery(q), enabled, placeholderData: keepPreviousData });
}
