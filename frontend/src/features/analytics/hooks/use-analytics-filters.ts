/** The Analytics filters from the URL, and a way to change them (each change is a history entry). */
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { type AnalyticsQuery, apiQuery, type FilterPatch, filterSearch, parseFilters, patchParams } from "../model/filters";

export function useAnalyticsFilters() {
  const [params, setParams] = useSearchParams();
  const { filters, error } = useMemo(() => parseFilters(params), [params]);
  const query: AnalyticsQuery = useMemo(() => apiQuery(filters), [filters]);
  const update = useCallback(
    (patch: FilterPatch) => setParams((current) => patchParams(current, patch)),
    [setParams],
  );
  return { params, filters, error, query, update, search: filterSearch(params) };
}
