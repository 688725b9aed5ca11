import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";
import { jobKeys } from "./keys";

export type Schedule = ResponseBody<"/api/v1/schedules", "get">[number];

export const schedulesQuery = () =>
  queryOptions({
    queryKey: jobKeys.schedules,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/schedules", { signal })),
    staleTime: 60_000,
  });

/** The account's recurring schedules (maintenance and knowledge features create them). */
export function useSchedules() {
  return useQuery(schedulesQuery());
}
