/**
 * GET /psa/tickets/queue — open tickets: mine (my PSA member's) or my team's boards, with search,
 * filters and pages. 409 `psa-not-configured` without a PSA, 422 when I'm not linked to a PSA
 * member (mine), 501 when the PSA can't list tickets, 502 when it fails.
 */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type QueueFilters, ticketKeys } from "./types";

export const PAGE_SIZE = 25;

/** The query string: empty filters are left out. */
export function queueQuery(f: QueueFilters) {
  return {
    view: f.view,
    page: f.page,
    page_size: PAGE_SIZE,
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.board_id ? { board_id: f.board_id } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.company_id ? { company_id: f.company_id } : {}),
    ...(f.priority_id ? { priority_id: f.priority_id } : {}),
  };
}

export const queueQueryOptions = (f: QueueFilters) =>
  queryOptions({
    queryKey: ticketKeys.queue(f),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/psa/tickets/queue", { params: { query: queueQuery(f) }, signal })),
    staleTime: 30_000,
    // Each page is a call to the PSA: a failure is shown with "Try again", not hammered.
    retry: false,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });

export function useTicketQueue(f: QueueFilters) {
  return useQuery(queueQueryOptions(f));
}
