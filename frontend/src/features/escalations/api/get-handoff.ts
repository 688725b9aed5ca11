/**
 * GET /handoffs/{id}. While the AI assessment is still being written (`pending`) it is asked
 * again every 2 s, so an open context screen updates when it lands (or fails).
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const PENDING_POLL_MS = 2000;

export const handoffQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.handoffs.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/handoffs/{handoff_id}", { params: { path: { handoff_id: id } }, signal })),
    refetchInterval: (query) => (query.state.data?.assessment_status === "pending" ? PENDING_POLL_MS : false),
  });

export function useHandoff(id: string | null) {
  return useQuery({ ...handoffQuery(id ?? ""), enabled: Boolean(id) });
}
