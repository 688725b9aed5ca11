/**
 * The copilot conversation read off a session's timeline (pure): questions, replies, and which
 * suggestions were accepted (a `suggestion_accepted` event names its reply and the title).
 */
import { type CopilotReply, replyFromPayload } from "@/lib/copilot";
import type { SessionEvent } from "../api/types";

export type ChatEntry =
  | { kind: "question"; seq: number; content: string; author: string | null }
  | { kind: "reply"; seq: number; reply: CopilotReply; via: string | null };

export function conversationOf(timeline: readonly SessionEvent[], hideAfterSeq: number | null = null): ChatEntry[] {
  const out: ChatEntry[] = [];
  for (const e of timeline) {
    if (e.id.startsWith("optimistic-")) continue;
    if (hideAfterSeq !== null && e.seq > hideAfterSeq) continue;
    const p = e.payload ?? {};
    if (e.type === "copilot_question") {
      out.push({ kind: "question", seq: e.seq, content: typeof p.content === "string" ? p.content : "", author: e.actor_name ?? null });
    } else if (e.type === "copilot_reply") {
      out.push({
        kind: "reply",
        seq: e.seq,
        reply: replyFromPayload(typeof p.content === "string" ? p.content : "", p, e.seq),
        via: typeof p.via === "string" ? p.via : null,
      });
    }
  }
  return out;
}

/** `${reply_seq}:${title}` of every accepted suggestion. */
export function acceptedKeys(timeline: readonly SessionEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const e of timeline) {
    if (e.type !== "suggestion_accepted") continue;
    const p = e.payload ?? {};
    if (typeof p.reply_seq === "number" && typeof p.title === "string") keys.add(acceptKey(p.reply_seq, p.title));
  }
  return keys;
}

export function acceptKey(replySeq: number, title: string): string {
  return `${replySeq}:${title}`;
}

export function hasSeq(timeline: readonly SessionEvent[], seq: number | null | undefined): boolean {
  return seq != null && timeline.some((e) => e.seq === seq && !e.id.startsWith("optimistic-"));
}
