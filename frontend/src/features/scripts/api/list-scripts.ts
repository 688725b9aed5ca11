import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { scriptKeys } from "@/lib/scripts";

export const scriptsQuery = (q: string) =>
  queryOptions({
    queryKey: scriptKeys.list(q),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/scripts", { params: { query: q ? { q } : {} }, signal })),
    placeholderData: keepPreviousData,
  });

/** GET /scripts?q= — every word as a prefix, best match first; without q, most recently updated. */
export function useScripts(q: string) {
  return useQuery(scriptsQuery(q));
}
