/**
 * FlowPilot's current step, drawn by its type: a question (big option buttons, 1–9 pick them,
 * a free-text answer when allowed), an action (what to do, the command to run, what to expect),
 * a suggested resolution (a fix to try, or resolve now) or a fork (two explanations to choose
 * from). While the next step is being worked out the card says "Thinking…".
 */
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { copyText } from "@/lib/clipboard";
import { cn } from "@/lib/cn";
import { usePageShortcut } from "@/lib/use-page-shortcut";
import type { PilotStep, StepAnswer } from "../api/types";
import { optionIndexFor } from "../model/keys";
import { ACTION_KIND_LABELS, keyedOptions, percent, SOURCE_LABELS, sourceHref, STEP_TYPE_LABELS, stepHeading } from "../model/labels";

const RESOLVE_NOW = "Resolve now";

export interface StepError {
  message: string;
  /** The step was answered elsewhere (409): the current one is being fetched. */
  conflict: boolean;
}

export interface PilotStepCardProps {
  step: PilotStep;
  /** The answer being sent, while the next step is worked out. */
  pending: StepAnswer | null;
  error: StepError | null;
  /** Why the controls are off (paused, read-only…), or null when they work. */
  lockedReason: string | null;
  /** Free text typed into the step (kept by the page so leaving can warn about it). */
  draft: string;
  onDraft: (text: string) => void;
  onAnswer: (body: StepAnswer) => void;
  onRetry: () => void;
  onResolve: (summary: string) => void;
}

export function PilotStepCard(props: PilotStepCardProps) {
  const { step, pending, error, lockedReason, onAnswer, onResolve } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const busy = pending !== null;
  const disabled = busy || lockedReason !== null;
  const { heading, body } = stepHeading(step);
  const keyed = keyedOptions(step);

  function pick(option: string) {
    if (disabled) return;
    if (step.type === "resolution_suggestion" && option === RESOLVE_NOW) {
      onResolve(step.summary ?? "");
      return;
    }
    const text = step.type === "action" ? props.draft.trim() : "";
    onAnswer(text ? { option, text, skip: false } : { option, skip: false });
  }

  // Number keys pick options.
  usePageShortcut((e) => {
    if (disabled) return;
    const index = optionIndexFor(e, Math.min(9, keyed.length));
    if (index === null) return;
    const option = keyed[index];
    if (option === undefined) return;
    e.preventDefault();
    pick(option);
  });

  // A new step takes focus if focus was on the card (or lost with a removed button).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || headingRef.current?.closest("section")?.contains(active)) {
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [step.id]);

  const chosen = pending?.option ?? null;
  return (
    <section
      aria-label="FlowPilot step"
      aria-busy={busy || undefined}
      data-testid="pilot-step"
      data-step-type={step.type}
      className="rounded-lg bg-white ring-1 ring-slate-200"
    >
      <div className="px-5 pt-4 pb-5">
        <div className="flex flex-wrap items-center gap-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
          <span>{STEP_TYPE_LABELS[step.type]}</span>
          {step.type === "action" && step.kind && <Badge tone="indigo">{ACTION_KIND_LABELS[step.kind]}</Badge>}
          <span className="normal-case" data-testid="pilot-source">
            <Badge tone={step.source === "generic" ? "gray" : step.source === "model" ? "amber" : "green"}>
              {SOURCE_LABELS[step.source] ?? step.source}
            </Badge>
          </span>
          <span className="font-normal normal-case">{percent(step.confidence)}% sure</span>
          {step.source_ref && <SourceLink source={step.source_ref} />}
        </div>
        <h2 ref={headingRef} tabIndex={-1} className="mt-2 text-lg leading-snug font-semibold text-slate-900 focus:outline-none">
          {heading}
        </h2>
        {body && <Markdown source={body} className="mt-2 text-[0.95rem]" />}
        {lockedReason && <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">{lockedReason}</p>}
        <div className="mt-4">
          <StepBody {...props} disabled={disabled} chosen={chosen} pick={pick} />
        </div>
        {error && (
          <div role="alert" className="mt-3 flex items-center gap-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
            <span className="flex-1">{error.conflict ? "This step was already answered — showing the current one." : `Couldn't send the answer: ${error.message}`}</span>
            {!error.conflict && (
              <Button size="sm" variant="secondary" onClick={props.onRetry}>
                Retry
              </Button>
            )}
          </div>
        )}
      </div>
      <div className="flex items-center gap-2 border-t border-slate-100 px-5 py-2.5 text-xs text-slate-500">
        {busy ? (
          <span role="status" className="inline-flex items-center gap-2 text-indigo-700" data-testid="pilot-thinking">
            <Spinner label="" className="text-indigo-600" />
            Thinking…
          </span>
        ) : (
          <span>{keyed.length > 0 ? `Keys 1–${Math.min(9, keyed.length)} pick an answer.` : "Enter sends."}</span>
        )}
        {step.type !== "resolution_suggestion" && (
          <Button variant="ghost" size="sm" className="ml-auto" disabled={disabled} loading={pending?.skip === true} onClick={() => onAnswer({ skip: true })}>
            Skip
          </Button>
        )}
      </div>
    </section>
  );
}

function SourceLink({ source }: { source: NonNullable<PilotStep["source_ref"]> }) {
  const href = sourceHref(source);
  const words = source.kind === "flow" ? "flow" : source.kind === "session" ? "past session" : "document";
  if (!href) return <span className="font-normal normal-case">from {source.title}</span>;
  return (
    <Link to={href} className="font-normal text-indigo-700 normal-case underline-offset-2 hover:underline" data-testid="pilot-source-ref">
      from {words} “{source.title}”
    </Link>
  );
}

type BodyProps = PilotStepCardProps & { disabled: boolean; chosen: string | null; pick: (option: string) => void };

function StepBody(props: BodyProps) {
  const { step } = props;
  switch (step.type) {
    case "question":
      return (
        <div className="space-y-3">
          {step.options.length > 0 && <OptionButtons options={step.options} {...props} />}
          {(step.allow_text || step.options.length === 0) && <FreeText label={step.options.length ? "Or answer in your own words" : "Your answer"} required {...props} />}
        </div>
      );
    case "action":
      return <ActionBody {...props} />;
    case "resolution_suggestion":
      return <ResolutionBody {...props} />;
    case "fork":
      return <ForkBody {...props} />;
  }
}

function OptionButtons({ options, disabled, chosen, pick, labels }: BodyProps & { options: string[]; labels?: Record<string, ReactNode> }) {
  return (
    <div className="grid gap-2" role="group" aria-label="Answers">
      {options.map((option, i) => {
        const on = chosen === option;
        return (
          <button
            key={option}
            type="button"
            disabled={disabled}
            aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            onClick={() => pick(option)}
            className={cn(
              "flex min-h-12 w-full items-center gap-3 rounded-lg px-4 py-2.5 text-left text-[0.95rem] font-medium ring-1 transition-colors ring-inset",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500",
              on
                ? "bg-indigo-600 text-white ring-indigo-600"
                : "bg-white text-slate-900 ring-slate-300 hover:bg-indigo-50 hover:ring-indigo-400 disabled:text-slate-400 disabled:hover:bg-white disabled:hover:ring-slate-300",
              disabled && "cursor-not-allowed",
            )}
          >
            {i < 9 && (
              <kbd
                aria-hidden="true"
                className={cn(
                  "inline-flex size-6 shrink-0 items-center justify-center rounded border font-mono text-xs",
                  on ? "border-indigo-300 text-indigo-100" : "border-slate-300 bg-slate-50 text-slate-500",
                )}
              >
                {i + 1}
              </kbd>
            )}
            <span className="flex-1">{labels?.[option] ?? option}</span>
            {on && (
              <span aria-hidden="true">
                <Spinner label="" className="text-white" />
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

/**
 * A free-text answer: Enter sends it (Shift+Enter adds a line), Esc clears it. An action's
 * result goes with the option picked (Enter picks the only one, when there is just one).
 */
function FreeText({
  label,
  required,
  step,
  draft,
  onDraft,
  disabled,
  pending,
  onAnswer,
  pick,
}: BodyProps & { label: string; required?: boolean }) {
  const single = step.type === "action" && step.options.length === 1 ? step.options[0]! : null;
  function send() {
    const text = draft.trim();
    if (disabled) return;
    if (step.type === "action") {
      if (single) pick(single);
      return;
    }
    if (text) onAnswer({ text, skip: false });
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    } else if (e.key === "Escape" && draft) {
      e.preventDefault();
      e.stopPropagation();
      onDraft("");
    }
  }
  return (
    <div className="space-y-1.5">
      <label htmlFor={`pilot-text-${step.id}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={`pilot-text-${step.id}`}
        rows={2}
        value={draft}
        maxLength={20000}
        disabled={disabled}
        onChange={(e) => onDraft(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`pilot-text-${step.id}-hint`}
        className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:bg-slate-50"
      />
      <div className="flex items-center gap-3">
        <p id={`pilot-text-${step.id}-hint`} className="flex-1 text-xs text-slate-500">
          {step.type === "action"
            ? single
              ? `Enter sends it with “${single}”; Esc clears.`
              : "Optional; it goes with the answer you pick. Esc clears."
            : "Enter sends, Shift+Enter adds a line, Esc clears."}
        </p>
        {step.type !== "action" && (
          <Button size="sm" disabled={disabled || (required && !draft.trim())} loading={pending?.text !== undefined && !pending.option} onClick={send}>
            Send answer
          </Button>
        )}
      </div>
    </div>
  );
}

function CommandBox({ command }: { command: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => setCopied("idle"), [command]);
  return (
    <div className="overflow-hidden rounded-md bg-slate-900 ring-1 ring-slate-800">
      <div className="flex items-center border-b border-slate-700 px-2.5 py-1">
        <span className="text-[11px] font-medium text-slate-400">Command</span>
        <button
          type="button"
          onClick={() => void copyText(command).then((ok) => setCopied(ok ? "copied" : "failed"))}
          className="ml-auto rounded px-1.5 py-0.5 text-[11px] font-medium text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400"
        >
          Copy command
        </button>
        <span role="status" className="ml-2 text-[11px] text-emerald-300">
          {copied === "copied" ? "Copied" : copied === "failed" ? "Couldn't copy" : ""}
        </span>
      </div>
      <pre data-testid="pilot-command" className="overflow-x-auto px-2.5 py-2 font-mono text-xs whitespace-pre text-emerald-300">
        {command}
      </pre>
    </div>
  );
}

function ActionBody(props: BodyProps) {
  const { step } = props;
  return (
    <div className="space-y-3">
      {step.command && <CommandBox command={step.command} />}
      {step.expected && (
        <p className="text-sm text-slate-700" data-testid="pilot-expected">
          <span className="font-medium text-slate-900">Expected: </span>
          {step.expected}
        </p>
      )}
      <FreeText label="Result" {...props} />
      {step.options.length > 0 ? (
        <OptionButtons options={step.options} {...props} />
      ) : (
        <Button disabled={props.disabled} loading={props.pending !== null} onClick={() => props.pick("Done")}>
          Done
        </Button>
      )}
    </div>
  );
}

function ResolutionBody(props: BodyProps) {
  const { step } = props;
  const options = step.options.length > 0 ? step.options : [RESOLVE_NOW];
  return (
    <div className="space-y-3">
      {step.fix && (
        <div className="space-y-2 rounded-md bg-emerald-50/60 p-3 ring-1 ring-emerald-200" data-testid="pilot-fix-draft">
          <h3 className="text-sm font-semibold text-slate-900">{step.fix.title}</h3>
          {step.fix.instructions && <Markdown source={step.fix.instructions} />}
          {step.fix.command && <CommandBox command={step.fix.command} />}
        </div>
      )}
      {step.follow_ups.length > 0 && (
        <>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Follow-ups</h3>
          <ul className="list-disc pl-5 text-sm text-slate-700">
            {step.follow_ups.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </>
      )}
      <OptionButtons options={options} {...props} />
    </div>
  );
}

function ForkBody(props: BodyProps) {
  const { step, disabled, chosen, pick } = props;
  return (
    <div className="grid gap-2 sm:grid-cols-2" role="group" aria-label="Hypotheses">
      {step.hypotheses.map((h, i) => {
        const on = chosen === h.id;
        return (
          <button
            key={h.id}
            type="button"
            disabled={disabled}
            aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            onClick={() => pick(h.id)}
            className={cn(
              "flex flex-col items-start gap-1 rounded-lg p-3 text-left ring-1 transition-colors ring-inset",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500",
              on ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white ring-slate-300 hover:bg-indigo-50 hover:ring-indigo-400",
              disabled && "cursor-not-allowed opacity-75",
            )}
          >
            <span className="flex items-center gap-2 text-[0.95rem] font-semibold">
              <kbd aria-hidden="true" className="inline-flex size-6 items-center justify-center rounded border border-slate-300 bg-slate-50 font-mono text-xs text-slate-500">
                {i + 1}
              </kbd>
              {h.title}
            </span>
            {h.why && <span className={cn("text-sm", on ? "text-indigo-100" : "text-slate-600")}>{h.why}</span>}
          </button>
        );
      })}
    </div>
  );
}
