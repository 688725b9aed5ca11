/**
 * Shown on a session launched by a maintenance batch: which batch and target this is, how far the
 * batch is, "Next target" (also the `n` key) and, on a question or checklist, "Same answer for all
 * remaining targets" — the runner then sends the answer with `apply_to_remaining: true`.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId } from "react";
import { Link, useNavigate } from "react-router";
import { queryKeys } from "@/api/query-keys";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useCurrentUser } from "@/lib/current-user";
import { errorMessage } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import { usePageShortcut } from "@/lib/use-page-shortcut";
import { useClaimBatchItem, useSessionBatch } from "../api/get-batch";
import type { SessionDetail } from "../api/types";
import { batchIdOf, nextTarget, positionText } from "../model/batch";
import { isTypingTarget } from "../model/shortcuts";

export interface BatchBarProps {
  session: SessionDetail;
  canWork: boolean;
  /** The step takes an answer that can go to the other targets (a question or a checklist). */
  canApply: boolean;
  applyToRemaining: boolean;
  onApplyToRemainingChange: (on: boolean) => void;
}

export function BatchBar(props: BatchBarProps) {
  const batchId = batchIdOf(props.session);
  if (!batchId) return null;
  return <Bar batchId={batchId} {...props} />;
}

function Bar({ batchId, session, canWork, canApply, applyToRemaining, onApplyToRemainingChange }: BatchBarProps & { batchId: string }) {
  const batch = useSessionBatch(batchId);
  const claim = useClaimBatchItem(batchId);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const me = useCurrentUser().data;
  const applyId = useId();

  // Each answer here changes the batch's counts (and "apply to remaining" others' steps).
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: queryKeys.maintenance.batch(batchId) });
  }, [qc, batchId, session.last_seq]);

  const data = batch.data;
  const next = data ? nextTarget(data.items, session.id, me?.id, data.assignment === "pool") : null;
  const position = data ? positionText(data.items, session.id) : null;
  const finished = data ? data.counts.done + data.counts.skipped + data.counts.failed : 0;
  // An unclaimed target of a team pool: take it here to work it.
  const own = data?.items.find((i) => i.session_id === session.id);
  const claimable =
    data?.assignment === "pool" && own !== undefined && own.assignee_id === null && (own.status === "pending" || own.status === "in_progress");

  function goNext() {
    if (!next || claim.isPending) return;
    const to = `/sessions/${next.item.session_id}`;
    if (!next.claim) {
      void navigate(to);
      return;
    }
    claim.mutate(next.item.id, {
      onSuccess: () => void navigate(to),
      onError: (error) => toast.show(errorMessage(error), "error"),
    });
  }

  usePageShortcut((e) => {
    if (e.key !== "n" || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
    e.preventDefault();
    goNext();
  });

  return (
    <section aria-label="Maintenance batch" data-testid="batch-bar" className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-indigo-50/60 px-4 py-2.5 ring-1 ring-indigo-200">
      <div className="min-w-0 text-sm">
        <span className="text-slate-500">Batch </span>
        <Link to={`/maintenance/batches/${batchId}`} className="font-medium text-indigo-700 hover:underline">
          {data?.title ?? "…"}
        </Link>
        {position && <span className="text-slate-600"> · target {position}</span>}
        {data && (
          <span className="text-slate-600 tabular-nums">
            {" "}
            · {finished} of {data.counts.total} finished
          </span>
        )}
        {batch.isError && <span className="text-red-700"> · couldn't load the batch</span>}
      </div>
      {claimable && hasRole(me?.role, "engineer") && (
        <Button
          size="sm"
          loading={claim.isPending}
          onClick={() =>
            claim.mutate(own.id, {
              onSuccess: () => {
                void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(session.id) });
                toast.show(`${own.label} is yours.`);
              },
              onError: (error) => toast.show(errorMessage(error), "error"),
            })
          }
        >
          Claim this target
        </Button>
      )}
      {canWork && canApply && (
        <label htmlFor={applyId} className="flex items-center gap-1.5 text-sm text-slate-700">
          <input
            id={applyId}
            type="checkbox"
            checked={applyToRemaining}
            onChange={(e) => onApplyToRemainingChange(e.target.checked)}
            className="size-4 accent-indigo-600"
          />
          Same answer for all remaining targets
        </label>
      )}
      <Button
        size="sm"
        className="ml-auto"
        variant="secondary"
        onClick={goNext}
        disabled={!next}
        loading={claim.isPending}
        aria-keyshortcuts="n"
        title={next ? `Next: ${next.item.label} (n)` : "No other open target for you"}
      >
        Next target{next ? `: ${next.item.label}` : ""} <kbd className="ml-1 rounded border border-slate-300 px-1 font-mono text-[10px] text-slate-500" aria-hidden="true">n</kbd>
      </Button>
    </section>
  );
}
