/** GET /handoffs?status=… — the escalation queue (newest first). */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { HandoffListParams } from "./types";

export type HandoffStatusFilter = NonNullable<HandoffListParams["status"]>;

export const handoffsQuery = (status: HandoffStatusFilter) =>
  queryOptions({
    queryKey: queryKeys.handoffs.list({ status }),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/handoffs", { params: { query: { status, limit: 100 } }, signal })),
    // Someone else may claim one while the queue is open.
    refetchOnWindowFocus: true,
  });

export function useHandoffs(status: HandoffStatusFilter) {
  return useQuery({ ...handoffsQuery(status), placeholderData: keepPreviousData });
}
