/**
 * GET /psa/tickets/desk — is my team's PSA connected, and can its tickets be listed and created
 * here? Asks nothing of the PSA: the sidebar shows "Tickets" only when it says yes.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { ticketKeys } from "./types";

export const deskQuery = queryOptions({
  queryKey: [...ticketKeys.all, "desk"] as const,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/psa/tickets/desk", { signal })),
  staleTime: 5 * 60_000,
  retry: false,
});

/** True once the PSA is known to support tickets here; false while unknown or when it doesn't. */
export function useTicketDeskAvailable(enabled: boolean): boolean {
  const desk = useQuery({ ...deskQuery, enabled });
  return desk.data?.tickets === true;
}
