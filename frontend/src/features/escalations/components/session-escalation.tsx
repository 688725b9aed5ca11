/**
 * What escalations add to the session runner (handed in by the route through the runner's
 * slots): the header's "Escalate…", "Park…" and "Context" buttons, the "Escalated — waiting for
 * pickup" and "Parked" banners, and the outcome card once a picked-up session is resolved.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useCurrentUser } from "@/lib/current-user";
import { formatTimeSince } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import { useClaimHandoff } from "../api/claim-handoff";
import { useRecordOutcome } from "../api/record-outcome";
import type { Handoff, SessionDetail } from "../api/types";
import { useSessionHandoff } from "../hooks/use-session-handoff";
import { parkedHandoffIdOf, readAssessment } from "../model/handoff";
import { PriorityBadge } from "./badges";
import { EscalateDialog } from "./escalate-dialog";
import { HandoffContext } from "./handoff-context";
import { ParkDialog } from "./park-dialog";

const ENDED = ["resolved", "unresolved", "abandoned"];

export interface EscalationActionsProps {
  session: SessionDetail;
  /** The signed-in person may work this session. */
  canWork: boolean;
}

export function EscalationActions({ session, canWork }: EscalationActionsProps) {
  const me = useCurrentUser();
  const [escalating, setEscalating] = useState(false);
  const [parking, setParking] = useState(false);
  const [showContext, setShowContext] = useState(false);
  const { id } = useSessionHandoff(session);
  const ended = ENDED.includes(session.status);
  const canEscalate = hasRole(me.data?.role, "engineer") && canWork && !ended && session.status !== "escalated";
  const parked = parkedHandoffIdOf(session.timeline) !== null;
  return (
    <>
      {id && (
        <Button variant="secondary" onClick={() => setShowContext(true)} aria-haspopup="dialog">
          Context
        </Button>
      )}
      {canEscalate && (
        <Button variant="secondary" onClick={() => setEscalating(true)} aria-haspopup="dialog">
          Escalate…
        </Button>
      )}
      {canEscalate && !parked && (
        <Button variant="secondary" onClick={() => setParking(true)} aria-haspopup="dialog">
          Park…
        </Button>
      )}
      <ParkDialog open={parking} onClose={() => setParking(false)} sessionId={session.id} title={session.title} />
      <EscalateDialog open={escalating} onClose={() => setEscalating(false)} sessionId={session.id} title={session.title} />
      {showContext && id && <ContextOverlay handoffId={id} session={session} onClose={() => setShowContext(false)} />}
    </>
  );
}

function ContextOverlay({ handoffId, session, onClose }: { handoffId: string; session: SessionDetail; onClose: () => void }) {
  const { query } = useSessionHandoff(session);
  const claim = useClaimHandoff(handoffId);
  if (!query.data) {
    // Not loaded yet (or failed): say so in place of the overlay's content.
    return query.isError ? (
      <OverlayProblem message={errorMessage(query.error)} onClose={onClose} />
    ) : null;
  }
  return (
    <HandoffContext
      handoff={query.data}
      mode="overlay"
      onClose={onClose}
      claiming={claim.isPending}
      claimError={claim.error}
      onClaim={() => claim.mutate(undefined, { onSuccess: onClose })}
      onContinue={onClose}
    />
  );
}

function OverlayProblem({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <div role="alert" className="fixed right-4 bottom-4 z-50 max-w-sm rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
      Couldn't load the handoff: {message}{" "}
      <button type="button" className="font-medium underline" onClick={onClose}>
        Dismiss
      </button>
    </div>
  );
}

export function EscalationBanner({ session }: { session: SessionDetail }) {
  const { query } = useSessionHandoff(session);
  const me = useCurrentUser();
  const handoff = query.data;
  const parkedId = session.status === "paused" ? parkedHandoffIdOf(session.timeline) : null;
  if (parkedId) return <ParkedBanner session={session} />;
  if (session.status === "escalated") {
    return (
      <div
        role="status"
        data-testid="escalated-banner"
        className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-amber-50 px-4 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200"
      >
        <span className="font-semibold">Escalated — waiting for pickup</span>
        {handoff && (
          <>
            <PriorityBadge priority={handoff.priority} />
            <span className="text-amber-800">
              {formatTimeSince(handoff.escalated_at)}
              {handoff.escalated_by_name ? ` by ${handoff.escalated_by_name}` : ""}
            </span>
            <span className="min-w-0 flex-1 truncate text-amber-800" title={handoff.reason}>
              {handoff.reason}
            </span>
          </>
        )}
      </div>
    );
  }
  if (
    session.status === "resolved" &&
    handoff &&
    handoff.status === "claimed" &&
    handoff.claimed_by === me.data?.id &&
    handoff.assessment_status === "ready"
  ) {
    return <OutcomeCard handoff={handoff} />;
  }
  return null;
}

function OutcomeCard({ handoff }: { handoff: Handoff }) {
  const record = useRecordOutcome(handoff.id);
  const cause = readAssessment(handoff.ai_assessment)?.likelyCause;
  const answered = handoff.cause_correct;
  return (
    <section
      aria-label="Was the likely cause right?"
      data-testid="outcome-card"
      className="mb-4 rounded-lg bg-violet-50 px-4 py-3 text-sm ring-1 ring-violet-200"
    >
      {answered !== null ? (
        <p role="status" className="text-violet-900">
          Thanks — you said the AI's likely cause was {answered ? "right" : "wrong"}. It helps the briefings get better.
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <div className="min-w-0 flex-1">
            <p className="font-semibold text-violet-900">Was the likely cause right?</p>
            {cause && <p className="truncate text-violet-800" title={cause}>“{cause}”</p>}
          </div>
          <div className="flex gap-2">
            <Button size="sm" onClick={() => record.mutate(true)} loading={record.isPending && record.variables === true} disabled={record.isPending}>
              Yes
            </Button>
            <Button size="sm" variant="secondary" onClick={() => record.mutate(false)} loading={record.isPending && record.variables === false} disabled={record.isPending}>
              No
            </Button>
          </div>
          {record.isError && (
            <p role="alert" className="w-full text-red-700">
              Couldn't save: {errorMessage(record.error)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function ParkedBanner({ session }: { session: SessionDetail }) {
  const parked = [...session.timeline].reverse().find((e) => e.type === "parked");
  const { query } = useSessionHandoff(session);
  const target = query.data?.target_name;
  const note = typeof parked?.payload.note === "string" ? parked.payload.note : "";
  return (
    <div
      role="status"
      data-testid="parked-banner"
      className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-sky-50 px-4 py-2.5 text-sm text-sky-900 ring-1 ring-sky-200"
    >
      <span className="font-semibold">Parked{target ? ` with ${target}` : ""} — waiting for pickup</span>
      {parked && (
        <span className="text-sky-800">
          {formatTimeSince(parked.created_at)}
          {parked.actor_name ? ` by ${parked.actor_name}` : ""}
        </span>
      )}
      {note && (
        <span className="min-w-0 flex-1 truncate text-sky-800" title={note}>
          {note}
        </span>
      )}
      <span className="text-sky-800">Resume to take it back.</span>
    </div>
  );
}
