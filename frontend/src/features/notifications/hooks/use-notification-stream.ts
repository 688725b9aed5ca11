/**
 * Keeps the unread count live: reads GET /notifications/stream (server-sent events) through the
 * typed client — so the auth middleware adds the token and handles a 401. An `unread` event
 * patches the count (and refreshes the list when it moved); a `changed` event (a notification,
 * an assessment landing, a claim) refreshes the list and every open handoff. The server closes
 * the stream after `max_seconds`; it is then reopened at once. Failures reconnect with
 * exponential backoff (1 s … 30 s).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { parseSse } from "@/lib/sse";
import type { NotificationPage } from "../api/list-notifications";

export const STREAM_SECONDS = 300;
const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

export function useNotificationStream(enabled: boolean): void {
  const qc = useQueryClient();

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const signal = controller.signal;

    function onUnread(count: number) {
      const before = qc.getQueryData<NotificationPage>(queryKeys.notifications.all);
      qc.setQueryData<NotificationPage>(queryKeys.notifications.all, (old) => (old ? { ...old, unread: count } : old));
      if (!before || before.unread !== count) {
        void qc.invalidateQueries({ queryKey: queryKeys.notifications.all });
        void qc.invalidateQueries({ queryKey: queryKeys.handoffs.all });
      }
    }

    async function listen(): Promise<void> {
      let backoff = MIN_BACKOFF_MS;
      while (!signal.aborted) {
        let healthy = false;
        const opened = Date.now();
        try {
          const { response } = await api.GET("/api/v1/notifications/stream", {
            params: { query: { max_seconds: STREAM_SECONDS } },
            headers: { Accept: "text/event-stream" },
            parseAs: "stream",
            signal,
          });
          if (response.status === 401 || response.status === 403) return; // signed out: the app handles it
          if (response.ok && response.body) {
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = "";
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              const parsed = parseSse(buffer + value);
              buffer = parsed.rest;
              if (parsed.messages.length > 0) {
                healthy = true;
                backoff = MIN_BACKOFF_MS;
              }
              for (const m of parsed.messages) {
                if (m.event === "changed") {
                  void qc.invalidateQueries({ queryKey: queryKeys.notifications.all });
                  void qc.invalidateQueries({ queryKey: queryKeys.handoffs.all });
                  continue;
                }
                if (m.event !== "unread") continue;
                try {
                  const data = JSON.parse(m.data) as { unread?: unknown };
                  if (typeof data.unread === "number") onUnread(data.unread);
                } catch {
                  // a malformed event: skip it
                }
              }
            }
          }
        } catch {
          if (signal.aborted) return;
        }
        if (signal.aborted) return;
        // A stream the server closed on time is reopened at once; failures (and streams that
        // close at once) back off.
        if (!healthy || Date.now() - opened < 2000) {
          await sleep(backoff, signal);
          backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        } else {
          await sleep(50, signal);
        }
      }
    }

    void listen();
    return () => controller.abort();
  }, [enabled, qc]);
}
