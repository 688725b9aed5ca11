/** The runner's header: what the session is, its live active-time clock, pause/resume and end. */
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { isEnded, type SessionDetail } from "../api/types";
import { describeDuration, formatClock } from "../model/clock";
import { useActiveClock } from "../model/use-active-clock";
import { ShareButton } from "./share-dialog";
import { StatusBadge } from "./status-badge";
import { StatusUpdateButton } from "./status-update-dialog";

export function SessionHeader({
  session,
  receivedAt,
  canWork,
  statusPending,
  onPause,
  onResume,
  onResolve,
  actions,
}: {
  session: SessionDetail;
  receivedAt: number;
  canWork: boolean;
  statusPending: "pause" | "resume" | null;
  onPause: () => void;
  onResume: () => void;
  onResolve: () => void;
  /** Buttons another feature adds (the route composes them in). */
  actions?: ReactNode;
}) {
  const running = session.status === "active";
  const seconds = useActiveClock(session.active_seconds, receivedAt, running);
  const ended = isEnded(session.status);
  return (
    <div className="mb-4">
      <Link to="/sessions" className="text-sm text-slate-500 hover:text-slate-900">
        ← Sessions
      </Link>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-lg font-semibold text-slate-900">{session.title}</h1>
            <StatusBadge status={session.status} outcome={session.outcome} />
          </div>
          <dl className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
            <div className="flex gap-1">
              <dt>Ticket</dt>
              <dd className="font-mono font-medium text-slate-700">{session.ticket_id ?? "—"}</dd>
            </div>
            <div className="flex items-center gap-1">
              <dt>Flow</dt>
              <dd className="font-medium text-slate-700">
                {session.flow_title ? (
                  <>
                    {session.flow_title} {session.flow_version != null && <Badge tone="green">v{session.flow_version}</Badge>}{" "}
                    {session.variant && (
                      <span title="This session runs one variant of an A/B test of the flow" data-testid="session-variant">
                        <Badge tone="indigo">Variant {session.variant.toUpperCase()}</Badge>
                      </span>
                    )}
                  </>
                ) : (
                  "Freeform"
                )}
              </dd>
            </div>
            {session.owner_name && (
              <div className="flex gap-1">
                <dt>Owner</dt>
                <dd className="font-medium text-slate-700">{session.owner_name}</dd>
              </div>
            )}
            <div className="flex gap-1">
              <dt>Started</dt>
              <dd>{formatDateTime(session.created_at)}</dd>
            </div>
            {session.ended_at && (
              <div className="flex gap-1">
                <dt>Ended</dt>
                <dd>{formatDateTime(session.ended_at)}</dd>
              </div>
            )}
          </dl>
        </div>
        <div className="flex items-center gap-2">
          <div className="mr-1 text-right">
            <div className="text-[10px] font-semibold tracking-wide text-slate-500 uppercase">{running ? "Active time" : ended ? "Time spent" : "Active time (paused)"}</div>
            <div role="timer" aria-label={`Active time: ${describeDuration(seconds)}`} className="font-mono text-lg leading-tight font-semibold text-slate-900 tabular-nums">
              {formatClock(seconds)}
            </div>
          </div>
          <StatusUpdateButton sessionId={session.id} title={session.title} />
          <ShareButton sessionId={session.id} title={session.title} />
          {actions}
          {canWork && !ended && (
            <>
              {session.status === "paused" ? (
                <Button variant="secondary" onClick={onResume} loading={statusPending === "resume"}>
                  Resume
                </Button>
              ) : (
                <Button variant="secondary" onClick={onPause} loading={statusPending === "pause"} disabled={session.status !== "active"}>
                  Pause
                </Button>
              )}
              <Button onClick={onResolve}>Resolve…</Button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
