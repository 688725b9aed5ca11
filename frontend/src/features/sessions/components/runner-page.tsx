/**
 * /sessions/:id — working a session: the current step, the composer, the timeline and the live
 * ticket note. Every change is one POST of an event; the response's `session` goes straight into
 * the query cache (no refetch), so the next step appears as soon as the server has computed it.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { queryKeys } from "@/api/query-keys";
import { Markdown } from "@/components/markdown";
import { Button, buttonClasses } from "@/components/ui/button";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { useCurrentUser } from "@/lib/current-user";
import { formatDateTime } from "@/lib/format";
import { ApiError, errorMessage } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import { usePageShortcut } from "@/lib/use-page-shortcut";
import { useAppendEvent } from "../api/append-event";
import { useSession } from "../api/get-session";
import { useLiveSession } from "../hooks/use-live-session";
import { AttachButton } from "./attach-button";
import { BatchBar } from "./batch-bar";
import { type EventInput, isEnded, type SessionDetail } from "../api/types";
import { holdValue, useHeldValues } from "../model/held-values";
import { isScratchpadToggle } from "../model/scratchpad";
import { shortcutFor } from "../model/shortcuts";
import { backDepth, describeEvent, outcomeLabel } from "../model/timeline";
import { Composer } from "./composer";
import { DocumentationPanel } from "./documentation-panel";
import { type FlowChoice, FlowPicker } from "./flow-picker";
import { ResolveDialog } from "./resolve-dialog";
import { ScratchpadPanel } from "./scratchpad-panel";
import { SessionHeader } from "./session-header";
import { StepCard } from "./step-card";
import { SwitchFlowDialog } from "./switch-flow-dialog";
import { Timeline } from "./timeline";

/** What the runner tells FlowPilot's column about the session. */
export interface PilotSlotContext {
  canWork: boolean;
  /** Why the step can't be worked on now (paused, read-only…), or null. */
  lockedReason: string | null;
  ended: boolean;
  /** Opens "End the session" with this summary. */
  onResolve: (summary: string) => void;
}

/** Panels another feature supplies (the route composes them in; features don't import each other). */
export interface RunnerSlots {
  /** The side panel's "Copilot" tab. */
  copilot?: (session: SessionDetail) => ReactNode;
  /** The main column of a FlowPilot session (`mode: "pilot"`), in place of the flow's step card. */
  pilot?: (session: SessionDetail, context: PilotSlotContext) => ReactNode;
  /** Extra buttons in the header (escalations: "Escalate…", "Context"). */
  headerActions?: (session: SessionDetail, context: { canWork: boolean }) => ReactNode;
  /** A banner above the columns (escalations: "waiting for pickup", the outcome card). */
  banner?: (session: SessionDetail) => ReactNode;
  /** Cards above the side panel (PSA: the linked ticket's context and pushes). */
  sideCards?: (session: SessionDetail, context: { canWork: boolean }) => ReactNode;
}

export function SessionRunnerPage(slots: RunnerSlots = {}) {
  const { id = "" } = useParams();
  const session = useSession(id);

  if (session.isPending) return <LoadingBlock label="Loading session" />;
  if (session.isError) {
    if (session.error instanceof ApiError && (session.error.status === 404 || session.error.status === 422)) {
      return (
        <div className="py-16 text-center">
          <h1 className="text-lg font-semibold text-slate-900">This session doesn't exist</h1>
          <p className="mt-1 text-sm text-slate-500">It may belong to someone else, or the link is wrong.</p>
          <Link to="/sessions" className={buttonClasses("secondary", "md", "mt-6")}>
            Back to sessions
          </Link>
        </div>
      );
    }
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} title="Couldn't load this session" />;
  }
  return <Runner session={session.data} receivedAt={session.dataUpdatedAt} {...slots} />;
}

function Runner({ session, receivedAt, copilot, pilot, headerActions, banner, sideCards }: { session: SessionDetail; receivedAt: number } & RunnerSlots) {
  const id = session.id;
  const qc = useQueryClient();
  // Follow other people's changes live while the session is open.
  useLiveSession(id, !["resolved", "unresolved", "abandoned"].includes(session.status));
  const toast = useToast();
  const me = useCurrentUser();
  const stepMutation = useAppendEvent(id);
  const checkMutation = useAppendEvent(id);
  const composerMutation = useAppendEvent(id);
  const statusMutation = useAppendEvent(id);
  const [pendingTicks, setPendingTicks] = useState<Record<number, boolean>>({});
  const [resolving, setResolving] = useState(false);
  // A summary FlowPilot proposes for "End the session" (its "Resolve now").
  const [resolveSummary, setResolveSummary] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  // A batch session's "Same answer for all remaining targets" (see BatchBar): for the next answer only.
  const [applyToRemaining, setApplyToRemaining] = useState(false);
  const held = useHeldValues(id);
  const stepKey = session.current_step?.node_id;
  useEffect(() => setApplyToRemaining(false), [id, stepKey]);

  const role = me.data?.role;
  const canWork = hasRole(role, "engineer") && (session.owner_id === me.data?.id || hasRole(role, "team_admin"));
  const ended = isEnded(session.status);
  const paused = session.status === "paused";
  // The private scratchpad is its owner's alone (the API answers anyone else 404).
  const ownsScratchpad = hasRole(role, "engineer") && session.owner_id === me.data?.id;
  const [scratchOpen, setScratchOpen] = useState(false);
  usePageShortcut((e) => {
    if (!isScratchpadToggle(e) || !ownsScratchpad) return;
    e.preventDefault();
    setScratchOpen((open) => !open);
  });
  const pending = stepMutation.isPending ? (stepMutation.variables ?? null) : null;
  const goingBack = pending?.type === "back";
  const step = session.current_step;
  const canGoBack = backDepth(session.timeline) > 0;
  // FlowPilot drives a pilot session's steps (and their keys) itself.
  const pilotMode = session.mode === "pilot" && pilot !== undefined;
  const lockedReason = !canWork
    ? hasRole(role, "engineer")
      ? "Only the session's owner (or a team admin) can work on it."
      : "You can read this session; only engineers can work on sessions."
    : paused
      ? "The session is paused. Resume it to carry on."
      : session.status === "escalated"
        ? "The session is escalated."
        : null;

  function failed(error: unknown) {
    toast.show(errorMessage(error), "error");
    // 409: the session moved on elsewhere (another tab, a colleague): show where it is now.
    if (error instanceof ApiError && error.status === 409) void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(id) });
  }

  const stepInput = (input: EventInput) => {
    if (stepMutation.isPending) return;
    const applies = applyToRemaining && input.type === "answer" && (step?.type === "question" || step?.type === "checklist");
    if (applies) setApplyToRemaining(false);
    stepMutation.mutate(applies ? { ...input, apply_to_remaining: true } : input, { onError: failed });
  };
  const add = (mutation: typeof composerMutation) => (input: EventInput) =>
    mutation.mutateAsync(input).catch((error: unknown) => {
      failed(error);
      throw error;
    });

  function check(index: number, checked: boolean) {
    if (!step) return;
    setPendingTicks((t) => ({ ...t, [index]: checked }));
    // mutateAsync, not mutate(…, {onSettled}): a mutation's per-call callbacks fire only for its
    // latest call, so with two ticks in flight the first one's spinner never went away.
    checkMutation
      .mutateAsync({ type: "check", node_id: step.node_id, item: index, checked })
      .catch(failed)
      .finally(() =>
        setPendingTicks((t) => {
          const { [index]: _done, ...rest } = t;
          return rest;
        }),
      );
  }

  // Keyboard shortcuts for the current step.
  const shortcutsEnabled =
    canWork && !pilotMode && !ended && !paused && !pending && session.flow_outcome === null && !resolving && !switching;
  usePageShortcut((e) => {
    const action = shortcutFor(e, {
      answerCount: step?.type === "question" ? step.answers.length : 0,
      canGoBack: canGoBack && shortcutsEnabled,
      enabled: shortcutsEnabled,
    });
    if (!action || !step) return;
    e.preventDefault();
    if (action.type === "back") stepInput({ type: "back" });
    else {
      const answer = step.answers[action.index];
      if (answer !== undefined) stepInput({ type: "answer", node_id: step.node_id, answer });
    }
  });

  const finishedEvent = [...session.timeline].reverse().find((e) => e.type === "flow_completed");
  const statusPending = statusMutation.isPending && statusMutation.variables ? statusMutation.variables.type : null;

  return (
    <div>
      <SessionHeader
        session={session}
        receivedAt={receivedAt}
        canWork={canWork}
        statusPending={statusPending === "pause" || statusPending === "resume" ? statusPending : null}
        onPause={() => statusMutation.mutate({ type: "pause" }, { onError: failed })}
        onResume={() => statusMutation.mutate({ type: "resume" }, { onError: failed })}
        onResolve={() => setResolving(true)}
        actions={headerActions?.(session, { canWork })}
      />
      {banner?.(session)}
      <BatchBar
        session={session}
        canWork={canWork && !ended}
        canApply={!pilotMode && (step?.type === "question" || step?.type === "checklist") && session.flow_outcome === null}
        applyToRemaining={applyToRemaining}
        onApplyToRemainingChange={setApplyToRemaining}
      />
      <div className="grid items-start gap-4 lg:grid-cols-2 2xl:grid-cols-[minmax(0,5fr)_minmax(0,4fr)_minmax(0,4fr)]">
        <div className="space-y-4 lg:row-span-2 2xl:row-span-1">
          {pilotMode ? (
            <>
              {ended && <EndedCard session={session} />}
              {pilot(session, {
                canWork,
                lockedReason,
                ended,
                onResolve: (summary) => {
                  setResolveSummary(summary);
                  setResolving(true);
                },
              })}
            </>
          ) : ended ? (
            <EndedCard session={session} />
          ) : step ? (
            <StepCard
              step={step}
              flowOutcome={session.flow_outcome ?? null}
              lockedReason={lockedReason}
              pending={pending && pending.type === "answer" ? pending : null}
              pendingTicks={pendingTicks}
              canGoBack={canGoBack && canWork}
              goingBack={goingBack}
              showSubflowTitle={Boolean(session.flow_id && step.flow_id !== session.flow_id)}
              onAnswer={stepInput}
              onCheck={check}
              onBack={() => stepInput({ type: "back" })}
              onResolve={() => setResolving(true)}
              onSwitchFlow={() => setSwitching(true)}
              held={{ withheld: session.withheld_variables ?? [], held, shown: session.variables ?? {} }}
              onHold={(name, value) => holdValue(id, name, value)}
              sessionId={id}
            />
          ) : (
            <PickFlowCard
              lockedReason={lockedReason}
              pending={pending?.type === "switch_flow"}
              onPick={(flowId) => stepInput({ type: "switch_flow", flow_id: flowId })}
            />
          )}
          {ownsScratchpad && scratchOpen && (
            <ScratchpadPanel
              sessionId={id}
              onPromote={(text) => composerMutation.mutateAsync({ type: "note", text })}
              onClose={() => setScratchOpen(false)}
            />
          )}
          <Composer
            onAdd={add(composerMutation)}
            notesOnly={ended || paused}
            disabledReason={!canWork ? "Read-only: you can't add to this session." : null}
          />
          {(canWork || ownsScratchpad) && (
            <div className="flex flex-wrap items-center gap-2">
              {canWork && <AttachButton sessionId={id} disabled={false} />}
              {ownsScratchpad && (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-pressed={scratchOpen}
                  aria-keyshortcuts="Control+/"
                  onClick={() => setScratchOpen((open) => !open)}
                  title="Private scratchpad (Ctrl+/)"
                >
                  Scratchpad
                </Button>
              )}
            </div>
          )}
        </div>
        <Timeline events={session.timeline} sessionId={id} className="lg:max-h-[calc(100vh-9rem)]" />
        <div className="min-w-0 space-y-4">
          {sideCards?.(session, { canWork })}
          <SidePanel session={session} copilot={copilot} />
        </div>
      </div>
      {resolving && (
        <ResolveDialog
          initialSummary={resolveSummary ?? (session.flow_outcome && finishedEvent ? (describeEvent(finishedEvent).text ?? "") : "")}
          onSubmit={add(statusMutation)}
          onClose={() => {
            setResolving(false);
            setResolveSummary(null);
          }}
        />
      )}
      {switching && (
        <SwitchFlowDialog
          currentFlowId={step?.flow_id ?? session.flow_id}
          onSwitch={(flowId) => add(stepMutation)({ type: "switch_flow", flow_id: flowId })}
          onClose={() => setSwitching(false)}
        />
      )}
    </div>
  );
}

function PickFlowCard({ lockedReason, pending, onPick }: { lockedReason: string | null; pending: boolean; onPick: (flowId: string) => void }) {
  const [flow, setFlow] = useState<FlowChoice | null>(null);
  return (
    <section aria-label="Current step" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <div className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">Freeform session</div>
      <h2 className="mt-1 text-lg font-semibold text-slate-900">Pick a flow</h2>
      <p className="mt-1 text-sm text-slate-600">
        No flow is guiding this session. Keep adding notes and command output below, or pick a flow that fits and follow it from its first
        step.
      </p>
      {lockedReason && <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">{lockedReason}</p>}
      <div className="mt-3 space-y-3">
        <FlowPicker value={flow} onChange={setFlow} allowFreeform={false} />
        <Button disabled={!flow || lockedReason !== null} loading={pending} onClick={() => flow && onPick(flow.id)}>
          {flow ? `Follow “${flow.title}”` : "Pick a flow"}
        </Button>
      </div>
    </section>
  );
}

function EndedCard({ session }: { session: SessionDetail }) {
  const ending = [...session.timeline].reverse().find((e) => e.type === session.status);
  const d = ending ? describeEvent(ending) : null;
  const good = session.status === "resolved";
  return (
    <section
      aria-label="Current step"
      className={cn("rounded-lg p-5 ring-1", good ? "bg-emerald-50 ring-emerald-200" : session.status === "abandoned" ? "bg-slate-50 ring-slate-200" : "bg-amber-50 ring-amber-200")}
    >
      <h2 className="text-base font-semibold text-slate-900">
        Session {outcomeLabel(session.status).toLowerCase()}
        {session.ended_at && <span className="ml-2 text-sm font-normal text-slate-500">{formatDateTime(session.ended_at)}</span>}
      </h2>
      {session.summary ? <Markdown source={session.summary} className="mt-1" /> : <p className="mt-1 text-sm text-slate-500">No summary.</p>}
      {d?.list && d.list.length > 0 && (
        <>
          <h3 className="mt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">Follow-ups</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {d.list.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-3 text-xs text-slate-500">The session is closed; you can still add notes below. The documentation is ready to copy.</p>
    </section>
  );
}

function SidePanel({ session, copilot }: { session: SessionDetail } & RunnerSlots) {
  const [tab, setTab] = useState<"documentation" | "copilot" | "values">("documentation");
  const variables = Object.entries(session.variables ?? {});
  const tabs = [
    { id: "documentation", label: "Documentation" },
    ...(copilot ? [{ id: "copilot", label: "Copilot" } as const] : []),
    { id: "values", label: `Captured values${variables.length ? ` (${variables.length})` : ""}` },
  ] as const;
  return (
    <section aria-label="Documentation panel" className="flex min-h-96 flex-col rounded-lg bg-white ring-1 ring-slate-200 lg:max-h-[calc(100vh-9rem)]">
      <div role="tablist" aria-label="Side panel" className="flex gap-1 border-b border-slate-100 px-3 pt-2">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            onClick={() => setTab(t.id)}
            className={cn(
              "-mb-px border-b-2 px-2.5 pt-1 pb-2 text-sm font-medium",
              tab === t.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      {copilot && (
        // Kept mounted while hidden: an answer being written and a draft survive switching tabs.
        <div role="tabpanel" id="side-panel-copilot" aria-labelledby="side-tab-copilot" hidden={tab !== "copilot"} className="min-h-0 flex-1 flex-col [&:not([hidden])]:flex">
          {copilot(session)}
        </div>
      )}
      {tab === "copilot" ? null : tab === "documentation" ? (
        <div role="tabpanel" id="side-panel-documentation" aria-labelledby="side-tab-documentation" className="flex min-h-0 flex-1 flex-col">
          <DocumentationPanel sessionId={session.id} title={session.title} />
        </div>
      ) : (
        <div role="tabpanel" id="side-panel-values" aria-labelledby="side-tab-values" className="min-h-0 flex-1 overflow-y-auto p-4">
          {variables.length === 0 ? (
            <p className="text-sm text-slate-500">Nothing captured yet. Input steps save what you enter here (e.g. an error code), and later steps can use it.</p>
          ) : (
            <dl className="divide-y divide-slate-100 text-sm">
              {variables.map(([name, value]) => (
                <div key={name} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 py-1.5">
                  <dt className="truncate font-mono text-xs text-slate-500">{name}</dt>
                  <dd className="break-words text-slate-800">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
