/** POST /notifications/read {ids?} — some, or (without ids) all of mine; answers with the fresh list. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { NotificationPage } from "./list-notifications";

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => unwrap(api.POST("/api/v1/notifications/read", { body: ids ? { ids } : {} })),
    onMutate: (ids) => {
      // Show it read at once; the answer replaces the guess.
      const now = new Date().toISOString();
      qc.setQueryData<NotificationPage>(queryKeys.notifications.all, (old) => {
        if (!old) return old;
        const hit = (id: string) => !ids || ids.includes(id);
        const items = old.items.map((n) => (n.read_at === null && hit(n.id) ? { ...n, read_at: now } : n));
        const cleared = old.items.filter((n) => n.read_at === null && hit(n.id)).length;
        return { ...old, items, unread: ids ? Math.max(0, old.unread - cleared) : 0 };
      });
    },
    onSuccess: (page) => qc.setQueryData(queryKeys.notifications.all, page),
    onError: () => void qc.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}
