import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.sessions.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/sessions/{session_id}", { params: { path: { session_id: id } }, signal })),
    // The runner keeps the cache current from each append's response; no background refetching
    // that could race an answer in flight.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export function useSession(id: string) {
  return useQuery(sessionQuery(id));
}
