/**
 * /proposals/:id — one proposal: why (rationale, confidence, evidence), what (the draft, or the
 * change as a diff), and for the team admins who review it: Approve (→ a draft, with "Edit &
 * publish" into the editor), Dismiss (until new evidence) and Reject (with a reason, for good).
 * Everyone from engineer up can comment.
 */
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormError } from "@/components/ui/input";
import { LoadFailed } from "@/components/ui/load-failed";
import { LoadingBlock } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useProposal } from "../api/get-proposal";
import { useApproveProposal, useDismissProposal, useRejectProposal } from "../api/review-proposal";
import type { Proposal } from "../api/types";
import { evidenceSummary, reinforcedLabel, STATUS_LABELS } from "../model/proposal-view";
import { CommentsSection } from "./comments-section";
import { DraftPreview } from "./draft-preview";
import { Confidence, EvidenceList, KindBadge } from "./proposal-bits";
import { RejectDialog } from "./reject-dialog";

const STATUS_TONE = { open: "indigo", approved: "green", dismissed: "gray", rejected: "red" } as const;

export function ProposalPage() {
  const { id = "" } = useParams();
  const proposal = useProposal(id);

  if (proposal.isPending) return <LoadingBlock label="Loading proposal" />;
  if (proposal.isError) {
    return (
      <LoadFailed
        error={proposal.error}
        onRetry={() => void proposal.refetch()}
        thing="proposal"
        back={{ to: "/proposals", label: "Back to the review queue" }}
      />
    );
  }
  return <ProposalView proposal={proposal.data} />;
}

function ProposalView({ proposal: p }: { proposal: Proposal }) {
  const draftHeading = useId();
  const evidenceHeading = useId();
  const reinforced = reinforcedLabel(p.reinforced_count);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link to="/proposals" className="text-sm text-slate-500 hover:text-slate-900">
          ← Review queue
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <KindBadge kind={p.kind} />
          <span data-testid="proposal-status">
            <Badge tone={STATUS_TONE[p.status]}>{STATUS_LABELS[p.status]}</Badge>
          </span>
          <Confidence value={p.confidence} />
          {p.worded_by && p.worded_by !== "offline" && <span className="text-xs text-slate-500">Worded by {p.worded_by}</span>}
        </div>
        <h1 className="text-lg font-semibold text-slate-900">{p.title}</h1>
        <p className="max-w-3xl text-sm text-slate-700" data-testid="proposal-rationale">
          {p.rationale}
        </p>
        {p.flow_id && (
          <p className="text-sm text-slate-600">
            Changes the flow{" "}
            <Link to={`/flows/${p.flow_id}`} className="font-medium text-indigo-700 hover:underline">
              {p.flow_version != null ? `(published v${p.flow_version})` : "it is about"}
            </Link>
            .
          </p>
        )}
      </div>

      <ReviewPanel proposal={p} />

      <section aria-labelledby={draftHeading} className="space-y-3">
        <h2 id={draftHeading} className="text-base font-semibold text-slate-900">
          {p.kind === "new_flow" ? "Proposed flow" : "Proposed change"}
        </h2>
        <DraftPreview proposal={p} />
      </section>

      <section aria-labelledby={evidenceHeading} className="space-y-2">
        <h2 id={evidenceHeading} className="text-base font-semibold text-slate-900">
          Evidence
        </h2>
        <p className="text-sm text-slate-600" data-testid="evidence-summary">
          {evidenceSummary(p)}
          {p.first_seen_at && p.last_seen_at && (
            <> ({formatDateTime(p.first_seen_at)} – {formatDateTime(p.last_seen_at)})</>
          )}
          {reinforced && <> · {reinforced}</>}
        </p>
        <div className="rounded-lg bg-white px-4 py-1 ring-1 ring-slate-200">
          <EvidenceList evidence={p.evidence} />
        </div>
      </section>

      <CommentsSection proposal={p} />
    </div>
  );
}

/**
 * What can be done with the proposal now: the review buttons while it is open (for those who may
 * review it), or what became of it. After Approve, focus moves to the result so keyboard and
 * screen-reader users land on "Edit & publish".
 */
function ReviewPanel({ proposal: p }: { proposal: Proposal }) {
  const approve = useApproveProposal(p.id);
  const dismiss = useDismissProposal(p.id);
  const reject = useRejectProposal(p.id);
  const [rejecting, setRejecting] = useState(false);
  const toast = useToast();
  const isAdmin = useHasRole("team_admin");
  const canComment = useHasRole("engineer");
  // After a review the buttons are gone: focus moves to what replaced them.
  const resultRef = useRef<HTMLElement>(null);
  const [focusResult, setFocusResult] = useState(false);
  const errorId = useId();
  const busy = approve.isPending || dismiss.isPending || reject.isPending;
  const resultFlowId = p.result_flow_id ?? approve.data?.flow_id ?? null;

  const reviewed = p.status !== "open" || approve.isSuccess;
  useEffect(() => {
    if (focusResult && reviewed && resultRef.current) {
      resultRef.current.focus();
      setFocusResult(false);
    }
  }, [focusResult, reviewed, resultFlowId]);

  if (p.status === "approved" || approve.isSuccess) {
    const version = approve.data?.draft_version;
    return (
      <section aria-labelledby={`${errorId}-result`} className="rounded-lg bg-emerald-50 px-4 py-3 ring-1 ring-emerald-200" data-testid="approved-result">
        <h2
          id={`${errorId}-result`}
          ref={resultRef as RefObject<HTMLHeadingElement>}
          tabIndex={-1}
          className="text-sm font-semibold text-emerald-900 focus:outline-none"
        >
          Approved{p.reviewed_at ? ` ${formatDateTime(p.reviewed_at)}` : ""}: the draft is ready
        </h2>
        <p className="mt-0.5 text-sm text-emerald-900">
          {p.kind === "new_flow"
            ? "A new flow was created as a draft from this proposal."
            : "The change was applied to a new draft of the flow; the diff below shows it against the published version."}
          {version != null && ` (draft revision ${version})`} Publish it from the editor to make it available to sessions.
        </p>
        {resultFlowId && (
          <div className="mt-2 flex flex-wrap gap-2">
            <Link to={`/flows/${resultFlowId}/edit`} className={buttonClasses("primary", "sm")}>
              Edit &amp; publish
            </Link>
            <Link to={`/flows/${resultFlowId}`} className={buttonClasses("secondary", "sm")}>
              Preview the flow
            </Link>
          </div>
        )}
      </section>
    );
  }
  if (p.status === "rejected") {
    return (
      <section ref={resultRef} tabIndex={-1} className="rounded-lg bg-red-50 px-4 py-3 ring-1 ring-red-200 focus:outline-none" aria-label="Review">
        <p className="text-sm text-red-900">
          <span className="font-semibold">Rejected{p.reviewed_at ? ` ${formatDateTime(p.reviewed_at)}` : ""}.</span> It will not be proposed again.
        </p>
        {p.reject_reason && <p className="mt-1 text-sm text-red-900">Reason: {p.reject_reason}</p>}
      </section>
    );
  }
  if (p.status === "dismissed") {
    return (
      <section ref={resultRef} tabIndex={-1} className="rounded-lg bg-slate-100 px-4 py-3 ring-1 ring-slate-200 focus:outline-none" aria-label="Review">
        <p className="text-sm text-slate-800">
          <span className="font-semibold">Dismissed{p.reviewed_at ? ` ${formatDateTime(p.reviewed_at)}` : ""}.</span> It comes back to the queue
          when more sessions agree with it.
        </p>
      </section>
    );
  }
  if (!p.can_review) {
    return (
      <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-200" data-testid="review-note">
        {isAdmin
          ? "This proposal belongs to another team; its team admins review it."
          : `Team admins review proposals.${canComment ? " You can add a comment below." : ""}`}
      </p>
    );
  }
  const error = approve.error ?? dismiss.error;
  return (
    <section aria-label="Review" className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          loading={approve.isPending}
          disabled={busy}
          aria-describedby={error ? errorId : undefined}
          onClick={() => approve.mutate(undefined, { onSuccess: () => setFocusResult(true) })}
        >
          Approve
        </Button>
        <Button
          variant="secondary"
          loading={dismiss.isPending}
          disabled={busy}
          aria-describedby={error ? errorId : undefined}
          onClick={() =>
            dismiss.mutate(undefined, {
              onSuccess: () => {
                setFocusResult(true);
                toast.show("Dismissed. It comes back if new evidence arrives.");
              },
            })
          }
        >
          Dismiss
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => setRejecting(true)}>
          Reject…
        </Button>
      </div>
      <p className="text-xs text-slate-500">
        Approve creates a draft ({p.kind === "new_flow" ? "a new flow" : "a new draft of the flow with the change"}) that you edit and
        publish. Dismiss hides it until new evidence arrives; Reject stops it for good.
      </p>
      <div id={errorId}>
        <FormError message={error ? errorMessage(error) : null} />
      </div>
      {rejecting && (
        <RejectDialog
          title={p.title}
          pending={reject.isPending}
          error={reject.error}
          onClose={() => {
            setRejecting(false);
            reject.reset();
          }}
          onSubmit={(reason) =>
            reject.mutate(reason, {
              onSuccess: () => {
                setRejecting(false);
                setFocusResult(true);
                toast.show("Rejected. It will not be proposed again.");
              },
            })
          }
        />
      )}
    </section>
  );
}
