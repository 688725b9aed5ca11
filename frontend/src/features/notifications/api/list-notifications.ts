/**
 * GET /notifications — the newest first, with the unread count. Refetched when the window
 * regains focus (the fallback when the live stream is down); the stream patches `unread`.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type NotificationPage = ResponseBody<"/api/v1/notifications", "get">;
export type Notification = ItemOf<NotificationPage>;

export const notificationsQuery = queryOptions({
  queryKey: queryKeys.notifications.all,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/notifications", { params: { query: { limit: 20 } }, signal })),
  refetchOnWindowFocus: true,
});

export function useNotifications(enabled = true) {
  return useQuery({ ...notificationsQuery, enabled });
}
