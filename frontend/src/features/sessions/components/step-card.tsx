/**
 * The step the session is on, with the controls its type needs. The server computes the next
 * step; while an answer is in flight the card is disabled and the chosen control shows a spinner.
 */
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import { Button } from "@/components/ui/button";
import { Field, InputField, TextareaField } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { NODE_TYPE_LABELS, isNodeType } from "@/lib/flow-graph/types";
import type { EventInput, StepView } from "../api/types";
import { fillHeld, type HeldFill, showsHeld } from "../model/held-values";
import { outcomeLabel } from "../model/timeline";
import { StepScript } from "./step-script";

export interface StepCardProps {
  step: StepView;
  flowOutcome: string | null;
  /** Why the controls are off (paused, read-only…), or null when they work. */
  lockedReason: string | null;
  /** The answer being sent, while it is in flight. */
  pending: EventInput | null;
  /** Checklist ticks being sent: index -> the value asked for. */
  pendingTicks: Record<number, boolean>;
  canGoBack: boolean;
  goingBack: boolean;
  showSubflowTitle: boolean;
  onAnswer: (input: EventInput) => void;
  onCheck: (index: number, checked: boolean) => void;
  onBack: () => void;
  onResolve: () => void;
  onSwitchFlow: () => void;
  /** Values only this runner holds, for the step's `{{name}}` placeholders (masked until shown). */
  held?: Omit<HeldFill, "reveal">;
  /** Keep what was typed into an input step (`name` is its variable), before it is answered. */
  onHold?: (name: string, value: string) => void;
  /** The session, for an action step's script (rendering records "Ran script" on it). */
  sessionId?: string;
}

export function StepCard(props: StepCardProps) {
  const { flowOutcome, lockedReason, pending, canGoBack, goingBack, onBack, onSwitchFlow, held } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const [reveal, setReveal] = useState(false);
  useEffect(() => setReveal(false), [props.step.node_id, props.step.flow_id]);
  // Values the server never had (secrets) or keeps redacted, filled in on this screen only.
  const fillText = (text: string) => (held ? fillHeld(text, { ...held, reveal }) : text);
  const step: StepView = { ...props.step, title: fillText(props.step.title), body: fillText(props.step.body), items: props.step.items.map(fillText) };
  const hasHeld = held !== undefined && [props.step.title, props.step.body, ...props.step.items].some((t) => showsHeld(t, held.withheld, held.held));
  const busy = pending !== null || goingBack;
  const disabled = busy || lockedReason !== null;

  // When the step changes, move focus to it if focus was on the card (or lost with a removed
  // button), so keyboard and screen-reader users land on the new step.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || headingRef.current?.closest("section")?.contains(active)) {
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [step.node_id, step.flow_id]);

  const finished = flowOutcome !== null || step.type === "resolution";
  const typeLabel = isNodeType(step.type) ? NODE_TYPE_LABELS[step.type] : step.type;

  return (
    <section aria-label="Current step" aria-busy={busy || undefined} className="rounded-lg bg-white ring-1 ring-slate-200">
      <div className="px-5 pt-4 pb-5">
        <div className="flex items-center gap-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
          <span>{typeLabel}</span>
          {props.showSubflowTitle && <span className="normal-case">· in {step.flow_title}</span>}
          {busy && <Spinner label={goingBack ? "Going back" : "Sending"} className="ml-auto" />}
        </div>
        {finished ? (
          <FinishedBanner step={step} outcome={flowOutcome ?? step.outcome ?? "resolved"} headingRef={headingRef} onResolve={props.onResolve} locked={lockedReason !== null} />
        ) : (
          <>
            <h2 ref={headingRef} tabIndex={-1} className="mt-1 text-lg leading-snug font-semibold text-slate-900 focus:outline-none">
              {step.title}
            </h2>
            {step.body && <Markdown source={step.body} className="mt-2 text-[0.95rem]" />}
            {hasHeld && (
              <Button variant="ghost" size="sm" className="mt-1" aria-pressed={reveal} onClick={() => setReveal((r) => !r)}>
                {reveal ? "Hide values" : "Show values"}
              </Button>
            )}
            {lockedReason && <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">{lockedReason}</p>}
            <div className="mt-4">
              <StepControls {...props} step={step} disabled={disabled} />
            </div>
          </>
        )}
      </div>
      <div className="flex items-center gap-2 border-t border-slate-100 px-5 py-2.5">
        <Button variant="ghost" size="sm" onClick={onBack} disabled={!canGoBack || disabled} aria-keyshortcuts="Alt+ArrowLeft Backspace" title="Alt+← or Backspace">
          <span aria-hidden="true">←</span> Go back
        </Button>
        <span className="ml-auto" />
        <Button variant="ghost" size="sm" onClick={onSwitchFlow} disabled={disabled}>
          Switch flow…
        </Button>
      </div>
    </section>
  );
}

function FinishedBanner({
  step,
  outcome,
  headingRef,
  onResolve,
  locked,
}: {
  step: StepView;
  outcome: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onResolve: () => void;
  locked: boolean;
}) {
  const good = outcome === "resolved";
  return (
    <div className={cn("mt-2 rounded-md px-4 py-3 ring-1", good ? "bg-emerald-50 ring-emerald-200" : "bg-amber-50 ring-amber-200")} role="status">
      <h2 ref={headingRef} tabIndex={-1} className={cn("text-base font-semibold focus:outline-none", good ? "text-emerald-900" : "text-amber-900")}>
        Flow finished: {step.title} ({outcomeLabel(outcome)})
      </h2>
      {step.body && <Markdown source={step.body} className="mt-1" />}
      <p className="mt-2 text-sm text-slate-600">
        {good ? "Add a last note if you like, then resolve the session." : "Record what's left to do, then end the session."}
      </p>
      <Button className="mt-3" onClick={onResolve} disabled={locked}>
        Resolve session…
      </Button>
    </div>
  );
}

function StepControls({ step, pending, pendingTicks, disabled, onAnswer, onCheck, onHold, sessionId, held }: StepCardProps & { disabled: boolean }) {
  switch (step.type) {
    case "question":
      if (step.answers.length === 1) return <ConfirmControls step={step} pending={pending} disabled={disabled} onAnswer={onAnswer} />;
      return (
        <div className="grid gap-2" role="group" aria-label="Answers">
          {step.answers.map((label, i) => {
            const chosen = pending?.type === "answer" && pending.answer === label;
            return (
              <button
                key={label}
                type="button"
                disabled={disabled}
                aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                onClick={() => onAnswer({ type: "answer", node_id: step.node_id, answer: label })}
                className={cn(
                  "flex min-h-12 w-full items-center gap-3 rounded-lg px-4 py-2.5 text-left text-[0.95rem] font-medium ring-1 transition-colors ring-inset",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500",
                  chosen
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
                      chosen ? "border-indigo-300 text-indigo-100" : "border-slate-300 bg-slate-50 text-slate-500",
                    )}
                  >
                    {i + 1}
                  </kbd>
                )}
                <span className="flex-1">{label}</span>
                {chosen && (
                  <span aria-hidden="true">
                    <Spinner label="" className="text-white" />
                  </span>
                )}
              </button>
            );
          })}
        </div>
      );
    case "action":
      return (
        <div className="space-y-3">
          {step.script_id && sessionId && <StepScript scriptId={step.script_id} sessionId={sessionId} variables={held?.shown ?? {}} />}
          <ActionControls step={step} pending={pending} disabled={disabled} onAnswer={onAnswer} />
        </div>
      );
    case "input":
      return <InputControls step={step} pending={pending} disabled={disabled} onAnswer={onAnswer} onHold={onHold} />;
    case "checklist":
      return <ChecklistControls step={step} pending={pending} pendingTicks={pendingTicks} disabled={disabled} onAnswer={onAnswer} onCheck={onCheck} />;
    case "subflow":
      return (
        <Button loading={pending?.type === "answer"} disabled={disabled} onClick={() => onAnswer({ type: "answer", node_id: step.node_id, answer: "" })}>
          Start {step.title}
        </Button>
      );
    default:
      return <p className="text-sm text-slate-500">This step type ({step.type}) can't be worked here.</p>;
  }
}

/**
 * A question with a single way out (common in imported trees): nothing to choose, so it is a
 * confirm step — one button that records the only answer. Enter/Space on the button or the
 * answer shortcut 1 confirms.
 */
function ConfirmControls({ step, pending, disabled, onAnswer }: Pick<StepCardProps, "step" | "pending" | "onAnswer"> & { disabled: boolean }) {
  const answer = step.answers[0] ?? "";
  const label = answer.trim();
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{label ? <>Only one way on from here: “{label}”.</> : "Confirm this step to carry on."}</p>
      <Button
        disabled={disabled}
        loading={pending?.type === "answer"}
        aria-keyshortcuts="1"
        title="Press 1"
        onClick={() => onAnswer({ type: "answer", node_id: step.node_id, answer })}
      >
        {label ? `Confirm “${label}” — continue` : "Confirm / Done — continue"}
      </Button>
    </div>
  );
}

function ActionControls({ step, pending, disabled, onAnswer }: Pick<StepCardProps, "step" | "pending" | "onAnswer"> & { disabled: boolean }) {
  const [result, setResult] = useState("");
  useEffect(() => setResult(""), [step.node_id]);
  function submit(e: FormEvent) {
    e.preventDefault();
    onAnswer({ type: "answer", node_id: step.node_id, answer: "", result: result.trim() || null });
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      <TextareaField
        label="Result"
        hint="Optional: what happened when you did it."
        rows={2}
        value={result}
        disabled={disabled}
        onChange={(e) => setResult(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(e);
        }}
      />
      <Button type="submit" disabled={disabled} loading={pending?.type === "answer"}>
        Done
      </Button>
    </form>
  );
}

function InputControls({
  step,
  pending,
  disabled,
  onAnswer,
  onHold,
}: Pick<StepCardProps, "step" | "pending" | "onAnswer" | "onHold"> & { disabled: boolean }) {
  const [value, setValue] = useState("");
  const [touched, setTouched] = useState(false);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setValue("");
    setTouched(false);
    setShown(false);
  }, [step.node_id]);
  const secret = step.input_type === "secret";
  const empty = !value.trim();
  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (empty) return;
    onHold?.(step.variable || step.node_id, value.trim());
    // A secret stays here: the server records only that one was captured.
    onAnswer(secret ? { type: "answer", node_id: step.node_id, answer: "" } : { type: "answer", node_id: step.node_id, answer: "", value: value.trim() });
  }
  const placeholder = step.variable ? <code className="rounded bg-slate-100 px-1 font-mono">{`{{${step.variable}}}`}</code> : null;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {secret ? (
        <Field
          label={step.title}
          error={touched && empty ? "Enter a value to continue." : undefined}
          hint={
            <>
              Secret: kept in this browser only{placeholder ? <> for later steps ({placeholder})</> : null}. It is never sent; the timeline and the
              ticket note say “••• (secret captured)”.
            </>
          }
        >
          {({ id, describedBy, invalid }) => (
            <div className="flex gap-2">
              <input
                id={id}
                type={shown ? "text" : "password"}
                value={value}
                maxLength={2000}
                disabled={disabled}
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                data-1p-ignore=""
                data-lpignore="true"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(e) => setValue(e.target.value)}
                className={cn(
                  "block w-full rounded-md border-0 bg-white px-2.5 py-1.5 font-mono text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:bg-slate-50",
                  invalid && "ring-red-400",
                )}
              />
              <Button type="button" variant="secondary" size="sm" aria-pressed={shown} aria-controls={id} disabled={disabled} onClick={() => setShown((v) => !v)}>
                {shown ? "Hide" : "Show"}
              </Button>
            </div>
          )}
        </Field>
      ) : (
        <InputField
          label={step.title}
          name={step.variable ?? undefined}
          value={value}
          maxLength={2000}
          disabled={disabled}
          autoComplete="off"
          onChange={(e) => setValue(e.target.value)}
          error={touched && empty ? "Enter a value to continue." : undefined}
          hint={placeholder ? <>Saved as {placeholder} for later steps and the ticket note.</> : undefined}
        />
      )}
      <Button type="submit" disabled={disabled} loading={pending?.type === "answer"}>
        Continue
      </Button>
    </form>
  );
}

function ChecklistControls({
  step,
  pending,
  pendingTicks,
  disabled,
  onAnswer,
  onCheck,
}: Pick<StepCardProps, "step" | "pending" | "pendingTicks" | "onAnswer" | "onCheck"> & { disabled: boolean }) {
  const baseId = useId();
  const ticked = new Set(step.ticked);
  for (const [i, on] of Object.entries(pendingTicks)) {
    if (on) ticked.add(Number(i));
    else ticked.delete(Number(i));
  }
  const all = step.items.length > 0 && step.items.every((_, i) => ticked.has(i));
  const remaining = step.items.length - step.items.filter((_, i) => ticked.has(i)).length;
  const ticking = Object.keys(pendingTicks).length > 0;
  return (
    <div className="space-y-3">
      <ul className="space-y-1.5" aria-label="Checklist">
        {step.items.map((item, i) => {
          const id = `${baseId}-${i}`;
          const on = ticked.has(i);
          return (
            <li key={i} className={cn("flex items-start gap-2.5 rounded-md px-2 py-1.5", on ? "bg-emerald-50/60" : "hover:bg-slate-50")}>
              <input
                id={id}
                type="checkbox"
                checked={on}
                disabled={disabled}
                onChange={(e) => onCheck(i, e.target.checked)}
                className="mt-0.5 size-4 shrink-0 accent-emerald-600"
              />
              <label htmlFor={id} className={cn("text-sm", on ? "text-slate-500 line-through decoration-slate-400" : "text-slate-800")}>
                {item}
              </label>
              {i in pendingTicks && <Spinner label="Saving" className="ml-auto" />}
            </li>
          );
        })}
      </ul>
      <div className="flex items-center gap-3">
        <Button
          disabled={disabled || !all || ticking}
          loading={pending?.type === "answer"}
          onClick={() => onAnswer({ type: "answer", node_id: step.node_id, answer: "", items: step.items.map((_, i) => i) })}
        >
          Continue
        </Button>
        <span className="text-xs text-slate-500" aria-live="polite">
          {all ? "All done." : `${remaining} of ${step.items.length} still to tick.`}
        </span>
      </div>
    </div>
  );
}
