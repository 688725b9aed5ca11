/**
 * GET /sessions/{id}/resolution-package — the PSA note, a KB article draft and a client summary,
 * redacted. Fetched only when the dialog asks (it may take a model call); "Regenerate" refetches.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { pilotKeys } from "./keys";

export const resolutionPackageQuery = (sessionId: string) =>
  queryOptions({
    queryKey: pilotKeys.resolutionPackage(sessionId),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/sessions/{session_id}/resolution-package", { params: { path: { session_id: sessionId } }, signal })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

export function useResolutionPackage(sessionId: string) {
  return useQuery(resolutionPackageQuery(sessionId));
}
