/** The session's timeline, oldest first, scrolled to the newest entry as entries arrive. */
import { useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import { cn } from "@/lib/cn";
import { downloadAttachment } from "../api/attachments";
import type { SessionEvent } from "../api/types";
import { isOptimistic } from "../model/cache";
import { describeEvent, type EventDisplay, type EventTone, foldOutput, formatStepTime } from "../model/timeline";

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

const PSA_LABELS: Record<string, string> = { connectwise: "ConnectWise", autotask: "Autotask", halopsa: "HaloPSA" };

function word(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

/** A PSA event with what the PSA did differently from what was asked (shown prominently). */
export type PsaEventDisplay = EventDisplay & { warning?: string };

/**
 * The PSA's timeline entries (`ticket_linked`, `ticket_spun_off`, `ticket_link_failed`, `psa_push`); null for any
 * other event. The payloads are written by the server's PSA outbox and ticket linking.
 */
export function describePsaEvent(event: { type: string; payload: Record<string, unknown> }): PsaEventDisplay | null {
  const p = event.payload ?? {};
  const ticket = word(p.ticket_id);
  const number = ticket ? `ticket #${ticket}` : "the ticket";
  switch (event.type) {
    case "ticket_linked": {
      const summary = word(p.summary);
      const facts = [word(p.company), word(p.board), word(p.status)].filter(Boolean).join(" · ");
      return {
        icon: "#",
        label: "Ticket linked",
        tone: "marked",
        text: `Linked ${number}${summary ? ` — ${summary}` : ""}`,
        details: [facts, p.provider ? `From ${PSA_LABELS[String(p.provider)] ?? String(p.provider)}` : ""].filter((x) => x !== ""),
      };
    }
    case "ticket_spun_off": {
      const original = word(p.original_ticket_id);
      const details = [word(p.summary) ?? ""];
      if (original) details.push(p.original_noted === true ? `Ticket #${original} has a note naming it` : `Ticket #${original} could not be noted`);
      if (p.context_copied === true) details.push("The session's context was copied (redacted)");
      return {
        icon: "#",
        label: "Related ticket",
        tone: "marked",
        text: `Spun off ${number} for a second problem`,
        details: details.filter((x) => x !== ""),
      };
    }
    case "ticket_link_failed":
      return {
        icon: "#",
        label: "Ticket not linked",
        tone: "warning",
        text: `Couldn't pull ${number} from the PSA`,
        details: word(p.reason) ? [`Reason: ${word(p.reason)}`] : [],
      };
    case "psa_push": {
      const state = word(p.state);
      const noteType = word(p.note_type);
      const reason = word(p.reason) ?? "no reason given";
      const details: string[] = [];
      const attempt = typeof p.attempt === "number" ? p.attempt : null;
      if (p.trigger === "resolve") details.push("Pushed automatically when the session was resolved");
      if (p.trigger === "escalate") details.push("Pushed automatically when the session was escalated");
      const base = { icon: "⇧", label: "PSA note", details };
      switch (state) {
        case "queued":
          return { ...base, tone: "default", text: `Note queued for ${number}${noteType ? ` (${noteType})` : ""}` };
        case "sending":
          return { ...base, tone: "quiet", text: `Sending the note to ${number}` };
        case "sent": {
          if (word(p.note_id)) details.push(`PSA note ${word(p.note_id)}`);
          if (p.status_ok === true && word(p.status_now)) details.push(`Status changed to ${word(p.status_now)}`);
          if (p.time_entry_ok === true) details.push("Time entry added");
          if (p.time_entry_ok === false) details.push(`Time entry failed: ${word(p.time_entry_error) ?? "no reason given"}`);
          if (p.adopted === true) details.push("It was already on the ticket (not posted twice)");
          return { ...base, tone: "success", text: `Note sent to ${number}`, warning: word(p.warning) };
        }
        case "retrying": {
          if (attempt) details.push(`Attempt ${attempt}`);
          const next = word(p.next_attempt_at);
          if (next) details.push(`Next try at ${time.format(new Date(next))}`);
          return { ...base, tone: "warning", text: `Push failed: ${reason} — will retry` };
        }
        case "failed":
          if (attempt) details.push(`Gave up after ${attempt} ${attempt === 1 ? "attempt" : "attempts"}`);
          return { ...base, tone: "danger", text: `Push failed: ${reason}` };
        case "retry_requested":
          return { ...base, tone: "default", text: `Retrying the note for ${number}` };
        default:
          return { ...base, tone: "default", text: `Note for ${number}: ${state ?? "unknown state"}` };
      }
    }
    default:
      return null;
  }
}

function TimelineItem({ event, sessionId }: { event: SessionEvent; sessionId?: string }) {
  const d: PsaEventDisplay = describePsaEvent(event) ?? describeEvent(event);
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
          {event.duration_seconds != null && event.duration_seconds >= 1 && (
            <span
              data-testid="step-duration"
              className="shrink-0 rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-600 tabular-nums"
              title="Time on this step, from shown to answered (pauses excluded)"
            >
              <span className="sr-only">took </span>
              {formatStepTime(event.duration_seconds)}
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
        {d.warning && (
          <p role="note" data-testid="timeline-warning" className="mt-1 rounded-md bg-amber-50 px-2 py-1 text-sm font-medium text-amber-900 ring-1 ring-amber-300 ring-inset">
            ⚠ {d.warning}
          </p>
        )}
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
