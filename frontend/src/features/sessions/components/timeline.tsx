/** The session's timeline, oldest first, scrolled to the newest entry as entries arrive. */
import { useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import { cn } from "@/lib/cn";
import { downloadAttachment } from "../api/attachments";
import type { SessionEvent } from "../api/types";
import { isOptimistic } from "../model/cache";
import { describeEvent, type EventTone, foldOutput } from "../model/timeline";

const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

const RAIL: Record<EventTone, string> = {
  default: "bg-white text-slate-600 ring-slate-300",
  quiet: "bg-slate-50 text-slate-400 ring-slate-200",
  marked: "bg-violet-50 text-violet-700 ring-violet-300",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-300",
  warning: "bg-amber-50 text-amber-700 ring-amber-300",
  danger: "bg-red-50 text-red-700 ring-red-300",
};

export function Timeline({ events, className, sessionId }: { events: SessionEvent[]; className?: string; sessionId?: string }) {
  const listRef = useRef<HTMLOListElement>(null);
  const count = events.length;
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <section aria-label="Timeline" className={cn("flex min-h-0 flex-col rounded-lg bg-white ring-1 ring-slate-200", className)}>
      <h2 className="border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-900">
        Timeline <span className="font-normal text-slate-400">({events.filter((e) => !isOptimistic(e)).length})</span>
      </h2>
      <ol ref={listRef} className="min-h-0 flex-1 space-y-0 overflow-y-auto px-3 py-3">
        {events.map((e) => (
          <TimelineItem key={e.id} event={e} sessionId={sessionId} />
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({ event, sessionId }: { event: SessionEvent; sessionId?: string }) {
  const d = describeEvent(event);
  const pending = isOptimistic(event);
  const at = new Date(event.created_at);
  const compact = d.tone === "quiet";
  return (
    <li className={cn("relative flex gap-2.5 pb-3 last:pb-0", pending && "opacity-60")} data-event-type={event.type} aria-busy={pending || undefined}>
      <span
        aria-hidden="true"
        className={cn("mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full font-mono text-[10px] ring-1", RAIL[d.tone])}
      >
        {d.icon}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-x-2 text-xs">
          <span className={cn("shrink-0 font-semibold", d.tone === "marked" ? "text-violet-800" : compact ? "text-slate-500" : "text-slate-800")}>
            {d.label}
          </span>
          {compact && d.text && (
            <span className="min-w-0 truncate text-slate-500" title={d.text}>
              {d.text}
            </span>
          )}
          <span className="ml-auto shrink-0 text-slate-400">
            {pending ? (
              "Sending…"
            ) : (
              <>
                <time dateTime={event.created_at} title={dateTime.format(at)}>
                  {time.format(at)}
                </time>
                {event.actor_name && !compact && <> · {event.actor_name}</>}
              </>
            )}
          </span>
        </div>
        {!compact && d.text && <p className="mt-0.5 text-sm text-slate-800">{d.text}</p>}
        {d.details.map((line, i) => (
          <p key={i} className="mt-0.5 text-sm break-words text-slate-600">
            {line}
          </p>
        ))}
        {d.markdown && <Markdown source={d.markdown} className="mt-0.5 break-words" />}
        {d.list && d.list.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-600">
            {d.list.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
        {d.command && (
          <code className="mt-1 block overflow-x-auto rounded-md bg-slate-900 px-2.5 py-1 font-mono text-[11px] whitespace-pre text-emerald-300">
            <span className="text-slate-500 select-none">$ </span>
            {d.command}
          </code>
        )}
        {d.output && <CommandOutput text={d.output.text} command={d.output.command} />}
        {d.attachment && sessionId && !pending && (
          <button
            type="button"
            className="mt-1 text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
            onClick={() => void downloadAttachment(sessionId, d.attachment!.id, d.attachment!.filename)}
          >
            Download {d.attachment.filename}
          </button>
        )}
      </div>
    </li>
  );
}

export function CommandOutput({ text, command }: { text: string; command?: string }) {
  const [expanded, setExpanded] = useState(false);
  const fold = foldOutput(text);
  return (
    <div className="mt-1 overflow-hidden rounded-md bg-slate-900 ring-1 ring-slate-800">
      {command && (
        <div className="border-b border-slate-700 px-2.5 py-1 font-mono text-[11px] text-emerald-300">
          <span className="text-slate-500 select-none">$ </span>
          {command}
        </div>
      )}
      <pre className="max-h-[32rem] overflow-auto px-2.5 py-2 font-mono text-[11px] leading-snug whitespace-pre text-slate-100">
        {fold.folded && !expanded ? fold.head : text}
      </pre>
      {fold.folded && (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded((v) => !v)}
          className="w-full border-t border-slate-700 px-2.5 py-1 text-left text-[11px] font-medium text-slate-300 hover:bg-slate-800 hover:text-white"
        >
          {expanded ? "Show less" : `Show all ${fold.lines} lines`}
        </button>
      )}
    </div>
  );
}
