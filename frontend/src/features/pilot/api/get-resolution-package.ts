/**
 * GET /sessions/{id}/resolution-package — the PSA note, a KB article draft and a client summary,
 * redacted. Fetched only when the dialog asks (it may take a model call). The server keeps it per
 * session state, so reading it again costs nothing; "Regenerate" asks for it anew (refresh=true).
 * `?format=pdf` is the same package as a branded PDF.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { api, unwrap } from "@/api/client";
import { downloadResponse } from "@/lib/download";
import { pilotKeys } from "./keys";
import type { ResolutionPackage } from "./types";

export const resolutionPackageQuery = (sessionId: string, refresh: () => boolean = () => false) =>
  queryOptions({
    queryKey: pilotKeys.resolutionPackage(sessionId),
    // The route also serves a PDF (?format=pdf), so the client's type is wider than the JSON.
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/sessions/{session_id}/resolution-package", {
          params: { path: { session_id: sessionId }, query: refresh() ? { refresh: true } : {} },
          signal,
        }),
      ) as Promise<ResolutionPackage>,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

export function useResolutionPackage(sessionId: string) {
  const fresh = useRef(false);
  const query = useQuery(
    resolutionPackageQuery(sessionId, () => {
      const asked = fresh.current;
      fresh.current = false;
      return asked;
    }),
  );
  /** Writes the package anew, even when nothing changed since the last one. */
  const regenerate = () => {
    fresh.current = true;
    return query.refetch();
  };
  return { ...query, regenerate };
}

/** The package as a branded PDF (served from the server's copy when nothing changed). */
export function downloadResolutionPackagePdf(sessionId: string, fallbackName: string): Promise<string> {
  return downloadResponse(
    api.GET("/api/v1/sessions/{session_id}/resolution-package", {
      params: { path: { session_id: sessionId }, query: { format: "pdf" } },
      parseAs: "blob",
    }),
    fallbackName,
  );
}
