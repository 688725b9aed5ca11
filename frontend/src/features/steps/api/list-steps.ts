import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type LibraryStepQuery, stepKeys } from "@/lib/steps";

export const STEPS_PAGE_SIZE = 25;

/** Empty strings are dropped so they don't become `?kind=` filters. */
function clean(params: LibraryStepQuery): LibraryStepQuery {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) out[k] = v;
  return out as LibraryStepQuery;
}

export const stepsQuery = (params: Omit<LibraryStepQuery, "cursor" | "limit">) => {
  const query = clean({ limit: STEPS_PAGE_SIZE, ...params });
  return infiniteQueryOptions({
    queryKey: stepKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET("/api/v1/steps", { params: { query: { ...query, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
};

/** Library steps matching the search and filters, a page at a time; the last results stay while a new search loads. */
export function useSteps(params: Omit<LibraryStepQuery, "cursor" | "limit">) {
  return useInfiniteQuery({ ...stepsQuery(params), placeholderData: keepPreviousData });
}
