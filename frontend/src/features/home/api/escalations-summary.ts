/**
 * For the Home page's "Escalations" card (team admin+): how many escalations wait for pickup and
 * the median time to pickup over the last 30 days.
 */
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

const LIMIT = 200;

export function useUnclaimedCount(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.handoffs.list({ status: "unclaimed", limit: LIMIT }),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/handoffs", { params: { query: { status: "unclaimed", limit: LIMIT } }, signal })),
    select: (page) => ({ count: page.items.length, more: page.next_cursor != null }),
    enabled,
    refetchOnWindowFocus: true,
  });
}

export function usePickupMedian(enabled: boolean) {
  return useQuery({
    // Same key and request as the Metrics tab's 30 days, so they share the cache.
    queryKey: queryKeys.handoffs.metrics(30),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/escalations/metrics", { params: { query: { days: 30 } }, signal })),
    select: (m) => m.median_time_to_pickup_s,
    enabled,
    staleTime: 60_000,
  });
}
