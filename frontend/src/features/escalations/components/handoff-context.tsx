/**
 * The handoff context screen: what the senior reads before touching the session. Four
 * sections — the header (problem, domain, steps, time since escalation, priority), "What's been
 * tried", the "AI assessment" (live while it is being written) and the "Start here" call to
 * action.
 *
 * `mode="pickup"` (the /handoffs/:id route) is a modal with no way out but its actions: Escape
 * and the backdrop do nothing. `mode="overlay"` (the runner's "Context" button) is dismissible.
 */
import { type ReactNode, type RefObject, useRef } from "react";
import { Link } from "react-router";
import { buttonClasses, Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useCurrentUser } from "@/lib/current-user";
import { formatDateTime, formatTimeSince, plural } from "@/lib/format";
import { ApiError, errorMessage } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import type { Handoff } from "../api/types";
import { formatSpent, readAssessment } from "../model/handoff";
import { ConfidenceBadge, PriorityBadge } from "./badges";

export interface HandoffContextProps {
  handoff: Handoff;
  mode: "pickup" | "overlay";
  /** "Start here": claim it. */
  onClaim: () => void;
  claiming: boolean;
  claimError: unknown;
  /** Go on to the session (already claimed by me, or just claimed). */
  onContinue: () => void;
  /** Overlay only: close it. */
  onClose?: () => void;
  /** Fading out into the session. */
  dissolving?: boolean;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function HandoffContext({ handoff, mode, onClaim, claiming, claimError, onContinue, onClose, dissolving = false }: HandoffContextProps) {
  const me = useCurrentUser();
  const primaryRef = useRef<HTMLButtonElement>(null);
  const overlay = mode === "overlay";
  const close = overlay && onClose ? onClose : () => undefined;

  return (
    <Dialog
      open
      onClose={close}
      title="Handoff context"
      description={
        handoff.kind === "park"
          ? "Parked with you without escalating: the note and what was done so far."
          : overlay
            ? "What was handed over when this session was escalated."
            : "Read this first — then start where the briefing says."
      }
      size="lg"
      busy={claiming || !overlay}
      initialFocusRef={primaryRef}
      className={dissolving ? "pointer-events-none opacity-0 transition-opacity duration-300 ease-out motion-reduce:transition-none" : "transition-opacity duration-300"}
      footer={
        overlay ? (
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
        ) : undefined
      }
    >
      <div className="space-y-5" data-testid="handoff-context" data-mode={mode}>
        <HeaderSection handoff={handoff} />
        <TriedSection handoff={handoff} />
        {handoff.kind === "park" ? (
          <p data-testid="handoff-parked" className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-sky-200">
            Parked, not escalated: there is no AI assessment. Start from the note above.
          </p>
        ) : (
          <AssessmentSection handoff={handoff} />
        )}
        <StartSection
          handoff={handoff}
          mode={mode}
          meId={me.data?.id ?? null}
          canClaim={hasRole(me.data?.role, "engineer")}
          primaryRef={primaryRef}
          onClaim={onClaim}
          claiming={claiming || dissolving}
          claimError={claimError}
          onContinue={onContinue}
          onClose={close}
        />
      </div>
    </Dialog>
  );
}

function HeaderSection({ handoff }: { handoff: Handoff }) {
  const snap = handoff.snapshot;
  const spent = formatSpent(snap.time_spent_seconds);
  const ticket = typeof snap.ticket_id === "string" && snap.ticket_id ? snap.ticket_id : null;
  const flow = typeof snap.flow_title === "string" && snap.flow_title ? snap.flow_title : null;
  return (
    <section aria-labelledby="handoff-summary" data-testid="handoff-header" className="space-y-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id="handoff-summary" className="min-w-0 text-lg font-semibold break-words text-slate-900">
          {handoff.problem_summary || "Untitled problem"}
        </h3>
        <PriorityBadge priority={handoff.priority} />
      </div>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
        <div className="flex gap-1">
          <dt>Domain</dt>
          <dd data-testid="handoff-domain" className="font-medium text-slate-700">
            {handoff.domain || "Not categorised"}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Steps</dt>
          <dd data-testid="handoff-step-count" className="font-medium text-slate-700">
            {handoff.step_count}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>{handoff.kind === "park" ? "Parked" : "Escalated"}</dt>
          <dd data-testid="handoff-since" className="font-medium text-slate-700">
            <time dateTime={handoff.escalated_at} title={formatDateTime(handoff.escalated_at)}>
              {formatTimeSince(handoff.escalated_at)}
            </time>
            {handoff.escalated_by_name && <> by {handoff.escalated_by_name}</>}
          </dd>
        </div>
        {spent && (
          <div className="flex gap-1">
            <dt>Worked for</dt>
            <dd className="font-medium text-slate-700">{spent}</dd>
          </div>
        )}
        {ticket && (
          <div className="flex gap-1">
            <dt>Ticket</dt>
            <dd className="font-mono font-medium text-slate-700">{ticket}</dd>
          </div>
        )}
        {flow && (
          <div className="flex gap-1">
            <dt>Flow</dt>
            <dd className="font-medium text-slate-700">{flow}</dd>
          </div>
        )}
      </dl>
      {handoff.reason && (
        <blockquote className="border-l-2 border-amber-300 bg-amber-50/60 px-3 py-1.5 text-sm whitespace-pre-wrap text-slate-800">
          <span className="sr-only">Reason: </span>
          {handoff.reason}
        </blockquote>
      )}
    </section>
  );
}

function TriedSection({ handoff }: { handoff: Handoff }) {
  const noteCount = num(handoff.snapshot.note_count) ?? handoff.tried.length;
  const unverified = typeof handoff.snapshot.unverified_fix === "string" ? handoff.snapshot.unverified_fix : null;
  const empty = handoff.tried.length === 0 && handoff.recent_steps.length === 0;
  return (
    <section aria-labelledby="handoff-tried" data-testid="handoff-tried" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="handoff-tried" className="text-sm font-semibold text-slate-900">
          What's been tried
        </h3>
        <p data-testid="handoff-tried-count" className="text-xs text-slate-500">
          {plural(noteCount, "note")} · {plural(handoff.step_count, "step")}
        </p>
      </div>
      {empty ? (
        <p className="text-sm text-slate-500">No notes or steps before the escalation — only the reason above.</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <h4 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
              Notes{handoff.tried.length < noteCount ? ` (last ${handoff.tried.length} of ${noteCount})` : ""}
            </h4>
            {handoff.tried.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">No notes.</p>
            ) : (
              <ul aria-label="Notes" className="mt-1 space-y-1">
                {handoff.tried.map((t, i) => (
                  <li key={i} className="rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-800 ring-1 ring-slate-100">
                    {t}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
              Recent steps{handoff.recent_steps.length < handoff.step_count ? ` (last ${handoff.recent_steps.length} of ${handoff.step_count})` : ""}
            </h4>
            {handoff.recent_steps.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">No steps.</p>
            ) : (
              <ol aria-label="Recent steps" className="mt-1 list-decimal space-y-0.5 pl-5 text-sm text-slate-800">
                {handoff.recent_steps.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
      {unverified && (
        <p className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-900 ring-1 ring-amber-200">
          A fix was applied but not verified: <strong>{unverified}</strong>
        </p>
      )}
    </section>
  );
}

function AssessmentSection({ handoff }: { handoff: Handoff }) {
  const status = handoff.assessment_status;
  const a = status === "ready" ? readAssessment(handoff.ai_assessment) : null;
  return (
    <section
      aria-labelledby="handoff-assessment"
      aria-busy={status === "pending" || undefined}
      data-testid="handoff-assessment"
      data-status={a ? "ready" : status === "pending" ? "pending" : "failed"}
      className="space-y-2 rounded-lg bg-violet-50/50 p-3 ring-1 ring-violet-100"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="handoff-assessment" className="text-sm font-semibold text-violet-900">
          AI assessment
        </h3>
        {a && <ConfidenceBadge value={a.confidence} label={a.confidenceLabel} />}
      </div>
      <div aria-live="polite">
        {status === "pending" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner label="Writing" /> Writing the assessment…
          </p>
        ) : !a ? (
          <div data-testid="assessment-unavailable">
            <p className="text-sm font-medium text-slate-900">Assessment unavailable</p>
            <p className="text-sm text-slate-600">The AI couldn't assess this escalation. The notes and steps above are everything the engineer handed over.</p>
          </div>
        ) : (
          <div className="space-y-2">
            {a.summary && <p className="text-sm text-slate-700">{a.summary}</p>}
            <div>
              <h4 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">Likely cause</h4>
              <p data-testid="assessment-likely-cause" className="text-sm font-medium text-slate-900">
                {a.likelyCause || "Unknown"}
              </p>
            </div>
            {a.whatWeKnow.length > 0 && (
              <div>
                <h4 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">What we know</h4>
                <ul aria-label="What we know" className="list-disc pl-5 text-sm text-slate-700">
                  {a.whatWeKnow.map((k, i) => (
                    <li key={i}>{k}</li>
                  ))}
                </ul>
              </div>
            )}
            <div>
              <h4 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">Suggested steps</h4>
              {a.suggestedSteps.length === 0 ? (
                <p className="text-sm text-slate-500">No steps suggested.</p>
              ) : (
                <ol aria-label="Suggested steps" className="list-decimal space-y-0.5 pl-5 text-sm text-slate-800">
                  {a.suggestedSteps.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              )}
            </div>
            <p data-testid="assessment-model" className="text-xs text-slate-500">
              {a.model === "offline" || !a.model ? "Written offline from the team's knowledge" : `Written by ${a.model}`} · redacted
            </p>
          </div>
        )}
      </div>
    </section>
  );
}

function StartSection({
  handoff,
  mode,
  meId,
  canClaim,
  primaryRef,
  onClaim,
  claiming,
  claimError,
  onContinue,
  onClose,
}: {
  handoff: Handoff;
  mode: "pickup" | "overlay";
  meId: string | null;
  canClaim: boolean;
  primaryRef: RefObject<HTMLButtonElement | null>;
  onClaim: () => void;
  claiming: boolean;
  claimError: unknown;
  onContinue: () => void;
  onClose: () => void;
}) {
  const overlay = mode === "overlay";
  const conflict = claimError instanceof ApiError && claimError.status === 409 ? claimError : null;
  const holderName =
    (conflict && typeof conflict.problem.body?.claimed_by_name === "string" ? conflict.problem.body.claimed_by_name : null) ?? handoff.claimed_by_name;
  const holderSince =
    (conflict && typeof conflict.problem.body?.claimed_at === "string" ? conflict.problem.body.claimed_at : null) ?? handoff.claimed_at;
  const mine = handoff.status === "claimed" && handoff.claimed_by === meId;
  const takenByOther = conflict !== null || (handoff.status === "claimed" && !mine);
  const ownEscalation = handoff.escalated_by_id !== null && handoff.escalated_by_id === meId;
  const backToQueue = (
    <Link to="/handoffs" className={buttonClasses("secondary")}>
      Back to escalations
    </Link>
  );
  const openSession = (
    <Link to={`/sessions/${handoff.session_id}`} className={buttonClasses("secondary")}>
      Open the session
    </Link>
  );
  const closeButton = (
    <Button ref={primaryRef} onClick={onClose}>
      Back to the session
    </Button>
  );

  let body: ReactNode;
  if (mine) {
    body = (
      <>
        <p className="text-sm text-slate-600">You picked this up {formatTimeSince(handoff.claimed_at)}.</p>
        <div className="flex flex-wrap gap-2">
          {overlay ? closeButton : (
            <Button ref={primaryRef} onClick={onContinue}>
              Continue
            </Button>
          )}
        </div>
      </>
    );
  } else if (takenByOther) {
    body = (
      <>
        <p role="alert" data-testid="claimed-by-other" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {holderName ?? "Someone else"} has already picked this up
          {holderSince ? ` — since ${formatDateTime(holderSince)} (${formatTimeSince(holderSince)})` : ""}.
        </p>
        <div className="flex flex-wrap gap-2">
          {overlay ? closeButton : (
            <>
              {backToQueue}
              {openSession}
            </>
          )}
        </div>
      </>
    );
  } else if (handoff.status === "cancelled") {
    body = (
      <>
        <p className="text-sm text-slate-600">This escalation was withdrawn; nobody needs to pick it up.</p>
        <div className="flex flex-wrap gap-2">{overlay ? closeButton : backToQueue}</div>
      </>
    );
  } else if (handoff.you_may_claim === "not_theirs") {
    body = (
      <>
        <p data-testid="meant-for-other" className="text-sm text-slate-600">
          This escalation is meant for {handoff.target_name ?? "someone else"}; only{" "}
          {handoff.target_team_id ? "its members" : "they"} or a team admin can pick it up.
        </p>
        <div className="flex flex-wrap gap-2">
          {overlay ? closeButton : (
            <>
              {backToQueue}
              {openSession}
            </>
          )}
        </div>
      </>
    );
  } else if (ownEscalation || !canClaim || handoff.you_may_claim === "no") {
    body = (
      <>
        <p className="text-sm text-slate-600">
          {ownEscalation ? "You escalated this; it waits for someone else to pick it up." : "Engineers pick up escalations; you can read it."}
        </p>
        <div className="flex flex-wrap gap-2">
          {overlay ? closeButton : (
            <>
              {backToQueue}
              {openSession}
            </>
          )}
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p className="text-sm text-slate-600">
          {handoff.you_may_claim === "as_admin" && (
            <>
              It is meant for {handoff.target_name ?? "someone else"}; as a team admin you can step in, and the audit log
              records that you did.{" "}
            </>
          )}
          Picking it up makes you the session's owner and tells {handoff.escalated_by_name ?? "the engineer"} you've got it.
        </p>
        {claimError !== null && claimError !== undefined && !conflict && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
            Couldn't pick it up: {errorMessage(claimError)}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button ref={primaryRef} onClick={onClaim} loading={claiming} className="px-5">
            {handoff.you_may_claim === "as_admin" ? "Step in and start here" : "Start here"}
          </Button>
        </div>
      </>
    );
  }

  return (
    <section aria-label="Start here" data-testid="handoff-start" className="space-y-2 border-t border-slate-100 pt-4">
      {body}
    </section>
  );
}
