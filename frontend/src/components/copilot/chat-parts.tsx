/**
 * The chat pieces the session copilot and ResolutionAssist share: a question bubble, the answer
 * being written (a polite live region), and the input (Enter sends, Shift+Enter adds a line,
 * Esc clears).
 */
import { type ClipboardEvent, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { Markdown } from "@/components/markdown";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { LiveAnswer } from "@/lib/use-answer-stream";
import { ReplyCard } from "./reply-card";

export function formatSize(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

export function QuestionBubble({
  content,
  author,
  attachments = [],
  pending = false,
}: {
  content: string;
  author?: string | null;
  attachments?: { filename: string; size: number }[];
  pending?: boolean;
}) {
  return (
    <div data-testid="copilot-question" className={cn("ml-6 rounded-lg bg-indigo-50 px-3 py-2 ring-1 ring-indigo-100", pending && "opacity-80")}>
      <p className="text-[11px] font-semibold text-indigo-800">{author ? `${author} asked` : "You asked"}</p>
      <p className="mt-0.5 text-sm whitespace-pre-wrap text-slate-900">{content}</p>
      {attachments.length > 0 && (
        <ul aria-label="Attached" className="mt-1 flex flex-wrap gap-1">
          {attachments.map((a, i) => (
            <li key={i} className="rounded bg-white px-1.5 py-0.5 text-[11px] text-slate-600 ring-1 ring-slate-200">
              {a.filename} · {formatSize(a.size)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The question just asked and its answer as it is written, then the final reply. */
export function LiveExchange({ live }: { live: LiveAnswer }) {
  const streaming = live.reply === null;
  return (
    <>
      <QuestionBubble content={live.question} attachments={live.attachments} pending={streaming} />
      {live.reply ? (
        <ReplyCard reply={live.reply} />
      ) : (
        <div data-testid="copilot-streaming" className="space-y-1">
          {live.resetReason && (
            <p role="status" className="rounded-md bg-amber-50 px-2.5 py-1 text-xs text-amber-900 ring-1 ring-amber-200">
              Starting over: {live.resetReason}
            </p>
          )}
          <div aria-live="polite" aria-busy="true" aria-label="Answer being written" data-testid="copilot-answer">
            {live.text ? (
              <Markdown source={live.text} className="break-words" />
            ) : (
              <p className="text-sm text-slate-500">Thinking…</p>
            )}
          </div>
          <span aria-hidden="true" className="inline-block h-3 w-1.5 bg-indigo-400 motion-safe:animate-pulse" />
        </div>
      )}
    </>
  );
}

/** Scrolls a chat log to its end when `dep` changes (instantly if motion is reduced). */
export function useScrollToEnd(ref: RefObject<HTMLElement | null>, dep: unknown): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const reduce = typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (typeof el.scrollTo === "function") el.scrollTo({ top: el.scrollHeight, behavior: reduce ? "auto" : "smooth" });
    else el.scrollTop = el.scrollHeight;
  }, [ref, dep]);
}

export function ChatInput({
  label,
  value,
  onChange,
  onSend,
  sending,
  disabledReason,
  placeholder,
  inputRef,
  onPaste,
  extra,
  canSendEmpty = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  sending: boolean;
  /** Set, the box is disabled and this says why. */
  disabledReason: string | null;
  placeholder?: string;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  onPaste?: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
  /** Beside the Send button (e.g. an attach button). */
  extra?: ReactNode;
  canSendEmpty?: boolean;
}) {
  const id = useId();
  const hintId = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = inputRef ?? ownRef;
  const disabled = disabledReason !== null;
  const canSend = !disabled && !sending && (canSendEmpty || value.trim() !== "");

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (canSend) onSend();
    } else if (e.key === "Escape" && value !== "") {
      e.preventDefault();
      e.stopPropagation();
      onChange("");
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (canSend) onSend();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-1.5">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        rows={3}
        value={value}
        maxLength={20000}
        disabled={disabled}
        aria-describedby={hintId}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        className="block w-full resize-y rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:bg-slate-50"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={hintId} className="text-xs text-slate-500">
          {disabledReason ?? "Enter sends · Shift+Enter for a new line · Esc clears"}
        </p>
        <div className="flex items-center gap-2">
          {extra}
          <Button type="submit" size="sm" disabled={!canSend} loading={sending}>
            Send
          </Button>
        </div>
      </div>
    </form>
  );
}
