/**
 * The answer being written: the question just asked, the streamed text so far, a brief notice
 * when the text starts over, and the final reply until the stored conversation has caught up.
 * The request is aborted when the component goes away.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CopilotReply, StreamHandlers } from "./copilot";

export interface LiveAnswer {
  question: string;
  /** Stored entries after this seq belong to this exchange; hide them while it is live. */
  afterSeq: number;
  text: string;
  /** Why the text started over (shown briefly). */
  resetReason: string | null;
  /** The final reply, once it arrived. */
  reply: CopilotReply | null;
  /** Extra things the question carried (attachment names), shown with it. */
  attachments?: { filename: string; size: number }[];
}

const RESET_NOTICE_MS = 4000;

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export function useAnswerStream() {
  const [live, setLive] = useState<LiveAnswer | null>(null);
  const controller = useRef<AbortController | null>(null);
  const resetTimer = useRef<number | undefined>(undefined);

  useEffect(
    () => () => {
      controller.current?.abort();
      window.clearTimeout(resetTimer.current);
    },
    [],
  );

  const run = useCallback(
    async (
      start: Omit<LiveAnswer, "text" | "resetReason" | "reply">,
      ask: (handlers: StreamHandlers, signal: AbortSignal) => Promise<CopilotReply>,
    ): Promise<CopilotReply> => {
      controller.current?.abort();
      const ctrl = new AbortController();
      controller.current = ctrl;
      setLive({ ...start, text: "", resetReason: null, reply: null });
      const handlers: StreamHandlers = {
        onDelta: (more) => {
          if (!ctrl.signal.aborted) setLive((l) => (l ? { ...l, text: l.text + more } : l));
        },
        onReset: (reason) => {
          if (ctrl.signal.aborted) return;
          setLive((l) => (l ? { ...l, text: "", resetReason: reason || "Starting the answer over." } : l));
          window.clearTimeout(resetTimer.current);
          resetTimer.current = window.setTimeout(() => setLive((l) => (l ? { ...l, resetReason: null } : l)), RESET_NOTICE_MS);
        },
      };
      try {
        const reply = await ask(handlers, ctrl.signal);
        if (!ctrl.signal.aborted) setLive((l) => (l ? { ...l, reply, text: reply.content } : l));
        return reply;
      } catch (error) {
        if (controller.current === ctrl) setLive(null);
        throw error;
      } finally {
        if (controller.current === ctrl) controller.current = null;
      }
    },
    [],
  );

  /** The stored conversation now holds the reply: show it from there. */
  const settle = useCallback(() => setLive(null), []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setLive(null);
  }, []);

  return { live, streaming: live !== null && live.reply === null, run, settle, cancel };
}
