/**
 * Keeps an open session current while someone else works on it (a lead watching, later the
 * senior after escalation): reads the server-sent event stream and refreshes the session when
 * an event arrives that this page does not have yet. Reconnects with the last seq it saw.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "@/api/query-keys";
import { authStore } from "@/lib/auth-store";
import { parseSse } from "@/lib/sse";
import type { SessionDetail } from "../api/types";

const RECONNECT_MS = 3000;

export function useLiveSession(id: string, active: boolean): void {
  const qc = useQueryClient();

  useEffect(() => {
    if (!active || !id) return;
    const controller = new AbortController();
    let stopped = false;

    const knownSeq = () => {
      const detail = qc.getQueryData<SessionDetail>(queryKeys.sessions.detail(id));
      return detail?.last_seq ?? 0;
    };

    async function listen(): Promise<void> {
      while (!stopped) {
        try {
          const token = authStore.getToken();
          const response = await fetch(`/api/v1/sessions/${id}/stream?after=${knownSeq()}`, {
            headers: token ? { Authorization: `Bearer ${token}`, Accept: "text/event-stream" } : {},
            signal: controller.signal,
          });
          if (response.status === 401) {
            // The API client refreshes the token on its next call; let it, then reconnect.
            await qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(id) });
          } else if (response.ok && response.body) {
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = "";
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              const parsed = parseSse(buffer + value);
              buffer = parsed.rest;
              const fresh = parsed.messages.some(
                (m) => m.event === "session_event" && Number(m.id) > knownSeq(),
              );
              if (fresh) {
                await qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(id) });
              }
            }
          } else if (response.status === 404) {
            return; // gone or no longer visible: nothing to follow
          }
        } catch {
          if (controller.signal.aborted) return;
        }
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }

    void listen();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, [id, active, qc]);
}
