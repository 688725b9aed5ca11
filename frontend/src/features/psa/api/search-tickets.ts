/**
 * GET /psa/tickets?q= — open tickets in the PSA matching a number or words (empty: the newest).
 * 409 `psa-not-configured` when no PSA is connected; 502 `psa-error` when the PSA fails.
 */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { ApiError } from "@/lib/problem";
import { psaKeys } from "./types";

export const searchTicketsQuery = (q: string) =>
  queryOptions({
    queryKey: psaKeys.tickets(q),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/psa/tickets", { params: { query: { q } }, signal })),
    staleTime: 30_000,
    // Each search goes to the PSA; a failure there is shown, not hammered.
    retry: false,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });

export function useSearchTickets(q: string, enabled = true) {
  return useQuery({ ...searchTicketsQuery(q), enabled });
}

/** The account (or the person's team) has no PSA connection: the picker isn't offered. */
export function isPsaNotConfigured(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && (error.problem.type ?? "").endsWith("psa-not-configured");
}
