/** GET /psa/tickets/options?board_id= — the new-ticket form's and the filters' choices. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { ticketKeys } from "./types";

export const optionsQuery = (boardId: string) =>
  queryOptions({
    queryKey: ticketKeys.options(boardId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/psa/tickets/options", { params: { query: boardId ? { board_id: boardId } : {} }, signal }),
      ),
    staleTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });

export function useTicketOptions(boardId = "", enabled = true) {
  return useQuery({ ...optionsQuery(boardId), enabled });
}
