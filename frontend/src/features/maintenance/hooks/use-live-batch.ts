/**
 * Keeps a batch current while its page is open: reads GET …/batches/{id}/stream (fetch, since
 * EventSource can't send the Authorization header) and puts each `event: batch` — the whole batch,
 * as GET returns it — straight into the query cache. The server ends a stream with `event: end`
 * {reason}; on `expired` (and on a dropped connection) this reconnects, on `forbidden` it stops.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryKeys } from "@/api/query-keys";
import { authStore } from "@/lib/auth-store";
import { parseSse } from "@/lib/sse";
import type { Batch } from "../api/types";

const RECONNECT_MS = 3000;

export type LiveState = "connecting" | "live" | "reconnecting" | "stopped";

export function useLiveBatch(id: string, active: boolean): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (!active || !id) {
      setState("stopped");
      return;
    }
    const controller = new AbortController();
    let stopped = false;
    setState("connecting");

    async function listen(): Promise<void> {
      while (!stopped) {
        let end: string | null = null;
        try {
          const token = authStore.getToken();
          const response = await fetch(`/api/v1/maintenance/batches/${id}/stream`, {
            headers: token ? { Authorization: `Bearer ${token}`, Accept: "text/event-stream" } : { Accept: "text/event-stream" },
            signal: controller.signal,
          });
          if (response.status === 401) {
            // The API client refreshes the token on its next call; let it, then reconnect.
            await qc.invalidateQueries({ queryKey: queryKeys.maintenance.batch(id) });
          } else if (response.status === 404 || response.status === 403) {
            setState("stopped");
            return;
          } else if (response.ok && response.body) {
            setState("live");
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = "";
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              const parsed = parseSse(buffer + value);
              buffer = parsed.rest;
              for (const m of parsed.messages) {
                if (m.event === "batch") {
                  try {
                    qc.setQueryData<Batch>(queryKeys.maintenance.batch(id), JSON.parse(m.data) as Batch);
                  } catch {
                    // a torn message: the next one carries the whole batch again
                  }
                } else if (m.event === "end") {
                  try {
                    end = (JSON.parse(m.data) as { reason?: string }).reason ?? "expired";
                  } catch {
                    end = "expired";
                  }
                }
              }
            }
          }
        } catch {
          if (controller.signal.aborted) return;
        }
        if (end === "forbidden") {
          setState("stopped");
          return;
        }
        if (end === "unauthorized") await qc.invalidateQueries({ queryKey: queryKeys.maintenance.batch(id) });
        if (stopped) return;
        setState("reconnecting");
        await new Promise((resolve) => setTimeout(resolve, end === "expired" ? 0 : RECONNECT_MS));
      }
    }

    void listen();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, [id, active, qc]);

  return state;
}
