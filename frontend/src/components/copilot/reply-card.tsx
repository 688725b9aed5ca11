/**
 * One copilot reply, the same in the session runner and in ResolutionAssist: the answer
 * (Markdown), which engine answered and how sure it is, any notice (fallback, budget), the
 * sources it cites, a "Why?" disclosure with the evidence, and suggestion cards.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { copyText } from "@/lib/clipboard";
import { type CopilotReply, type CopilotSource, type CopilotSuggestion, SOURCE_KIND_LABELS, sourceHref } from "@/lib/copilot";
import { cn } from "@/lib/cn";

const CONFIDENCE_TONES = { high: "green", medium: "amber", low: "red" } as const;

export function ConfidenceBadge({ reply }: { reply: Pick<CopilotReply, "confidence" | "confidence_label"> }) {
  return (
    <span data-testid="copilot-confidence" title="How well the answer fits, from the evidence found">
      <Badge tone={CONFIDENCE_TONES[reply.confidence_label]}>
        Confidence: {reply.confidence_label} ({reply.confidence.toFixed(2)})
      </Badge>
    </span>
  );
}

export function TierBadge({ reply }: { reply: Pick<CopilotReply, "tier" | "model" | "provider"> }) {
  return (
    <span data-testid="copilot-tier" className="inline-flex items-center gap-1.5" title={reply.provider ? `Provider: ${reply.provider}` : undefined}>
      <Badge tone={reply.tier === "deep" ? "indigo" : "gray"}>{reply.tier === "deep" ? "Deep" : "Fast"}</Badge>
      <span className="font-mono text-[11px] text-slate-500">{reply.model || reply.provider}</span>
    </span>
  );
}

export function SourceLink({ source }: { source: CopilotSource }) {
  return (
    <Link to={sourceHref(source)} className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
      {source.title || SOURCE_KIND_LABELS[source.kind]}
    </Link>
  );
}

/** What an Accept button shows for one suggestion (only where suggestions can be accepted). */
export interface SuggestionAction {
  state: "idle" | "pending" | "accepted";
  /** Why accepting failed (the card shows it; the button is usable again). */
  error: string | null;
  disabledReason: string | null;
  onAccept: () => void;
}

export function ReplyCard({
  reply,
  suggestionAction,
  className,
}: {
  reply: CopilotReply;
  /** Given, suggestions get an Accept button. */
  suggestionAction?: (index: number, suggestion: CopilotSuggestion) => SuggestionAction;
  className?: string;
}) {
  return (
    <article aria-label="Copilot reply" data-testid="copilot-reply" className={cn("space-y-2", className)}>
      <div className="flex flex-wrap items-center gap-2">
        <TierBadge reply={reply} />
        <ConfidenceBadge reply={reply} />
      </div>
      {reply.note && (
        <p role="note" data-testid="copilot-note" className="rounded-md bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200">
          {reply.note}
        </p>
      )}
      <Markdown source={reply.content} highlightRedactions className="break-words" />
      {reply.sources.length > 0 && (
        <div className="text-xs text-slate-600">
          <span className="font-semibold text-slate-700">Sources: </span>
          <ul aria-label="Sources" className="inline">
            {reply.sources.map((s, i) => (
              <li key={`${s.kind}-${s.id}`} className="inline">
                {i > 0 && <span aria-hidden="true"> · </span>}
                <span className="sr-only">{SOURCE_KIND_LABELS[s.kind]}: </span>
                <SourceLink source={s} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <WhyDisclosure reply={reply} />
      {reply.suggestions.length > 0 && (
        <div>
          <h3 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">Suggested steps</h3>
          <ul aria-label="Suggested steps" className="mt-1 space-y-2">
            {reply.suggestions.map((s, i) => (
              <SuggestionCard key={`${i}-${s.title}`} suggestion={s} action={suggestionAction?.(i, s)} />
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function WhyDisclosure({ reply }: { reply: CopilotReply }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="text-xs">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        Why?
      </button>
      <div id={panelId} hidden={!open} data-testid="copilot-why" className="mt-1 space-y-1.5 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200">
        <p className="text-slate-600">
          Answered by <span className="font-medium">{reply.provider || "the copilot"}</span>
          {reply.model && reply.model !== reply.provider ? <> ({reply.model})</> : null}, {reply.tier} tier
          {reply.reason ? <>: {reply.reason}</> : null}.
        </p>
        {reply.sources.length === 0 ? (
          <p className="text-slate-500">Nothing in your team's flows, past sessions or knowledge documents matched closely enough to cite.</p>
        ) : (
          <ol aria-label="Evidence" className="space-y-1.5">
            {reply.sources.map((s) => (
              <li key={`${s.kind}-${s.id}`}>
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-slate-500">{SOURCE_KIND_LABELS[s.kind]}</span>
                  <SourceLink source={s} />
                  <span className="text-slate-500">relevance {s.relevance.toFixed(2)}</span>
                </div>
                {s.snippet && <p className="mt-0.5 text-slate-600">{s.snippet}</p>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

function SuggestionCard({ suggestion, action }: { suggestion: CopilotSuggestion; action?: SuggestionAction }) {
  const titleId = useId();
  // Pending shows as accepted at once (optimistic); an error puts the button back.
  const accepted = action?.state === "accepted" || action?.state === "pending";
  return (
    <li
      aria-labelledby={titleId}
      data-testid="copilot-suggestion"
      data-accepted={accepted || undefined}
      className={cn("rounded-md p-2.5 ring-1", accepted ? "bg-emerald-50 ring-emerald-200" : "bg-white ring-slate-200")}
    >
      <div className="flex items-start justify-between gap-2">
        <h4 id={titleId} className="text-sm font-medium text-slate-900">
          {suggestion.title}
        </h4>
        {action && (
          <Button
            size="sm"
            variant={accepted ? "secondary" : "primary"}
            disabled={accepted || action.disabledReason !== null}
            aria-busy={action.state === "pending" || undefined}
            title={action.disabledReason ?? (accepted ? "Already on the timeline" : "Add this step to the session's timeline")}
            onClick={action.onAccept}
          >
            {accepted ? "Accepted" : "Accept"}
          </Button>
        )}
      </div>
      {suggestion.instructions && <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{suggestion.instructions}</p>}
      {suggestion.command && <CommandLine command={suggestion.command} />}
      {suggestion.source && (
        <p className="mt-1 text-xs text-slate-500">
          From {SOURCE_KIND_LABELS[suggestion.source.kind].toLowerCase()} <SourceLink source={suggestion.source} />
        </p>
      )}
      {action?.error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          Couldn't accept: {action.error}
        </p>
      )}
    </li>
  );
}

export function CommandLine({ command }: { command: string }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  async function onCopy() {
    if (await copyText(command)) {
      setCopied(true);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setCopied(false), 2000);
    }
  }
  return (
    <div className="mt-1.5 flex items-stretch overflow-hidden rounded-md bg-slate-900 ring-1 ring-slate-800">
      <code data-testid="copilot-command" className="min-w-0 flex-1 overflow-x-auto px-2.5 py-1.5 font-mono text-[11px] whitespace-pre text-emerald-300">
        {command}
      </code>
      <button
        type="button"
        onClick={() => void onCopy()}
        className="shrink-0 border-l border-slate-700 px-2 text-[11px] font-medium text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400"
      >
        {copied ? "Copied" : "Copy command"}
      </button>
    </div>
  );
}
