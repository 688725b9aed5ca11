import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const AGENDA_DAYS = 30;

export const agendaQuery = (days = AGENDA_DAYS) =>
  queryOptions({
    queryKey: queryKeys.maintenance.agenda(days),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/maintenance/schedules/agenda", { params: { query: { days } }, signal })),
    select: (agenda) => agenda.items,
    staleTime: 60_000,
  });

/** Every slot of the active schedules in the next `days` days, in time order. */
export function useAgenda(days = AGENDA_DAYS) {
  return useQuery(agendaQuery(days));
}
