/** One proposal in the queue: what it is, why, how sure, from which sessions; its page has the rest. */
import { useId } from "react";
import { Link } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { formatDateTime, plural } from "@/lib/format";
import type { Proposal } from "../api/types";
import { evidenceSummary, reinforcedLabel } from "../model/proposal-view";
import { Confidence, EvidenceList, KindBadge } from "./proposal-bits";

export function ProposalCard({ proposal: p }: { proposal: Proposal }) {
  const titleId = useId();
  const reinforced = reinforcedLabel(p.reinforced_count);
  const comments = p.comments?.length ?? 0;
  return (
    <article
      aria-labelledby={titleId}
      data-testid="proposal-card"
      data-proposal-id={p.id}
      className="rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <KindBadge kind={p.kind} />
            <Confidence value={p.confidence} />
            {reinforced && <span className="text-xs text-slate-500">{reinforced}</span>}
          </div>
          <h3 id={titleId} className="text-sm font-semibold text-slate-900">
            <Link to={`/proposals/${p.id}`} className="hover:underline">
              {p.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-700" data-testid="proposal-rationale">
            {p.rationale}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {p.status === "approved" && p.result_flow_id && (
            <Link to={`/flows/${p.result_flow_id}/edit`} className={buttonClasses("secondary", "sm")}>
              Edit &amp; publish<span className="sr-only">: {p.title}</span>
            </Link>
          )}
          <Link to={`/proposals/${p.id}`} className={buttonClasses(p.status === "open" && p.can_review ? "primary" : "secondary", "sm")}>
            {p.status === "open" && p.can_review ? "Review" : "View"}
            <span className="sr-only">: {p.title}</span>
          </Link>
        </div>
      </div>
      <details className="group mt-2">
        <summary className="cursor-pointer text-xs text-slate-500 select-none hover:text-slate-800" data-testid="proposal-evidence">
          {evidenceSummary(p)}
          {comments > 0 && <> · {plural(comments, "comment")}</>}
        </summary>
        <div className="mt-1">
          <EvidenceList evidence={p.evidence} />
        </div>
      </details>
      {p.status === "rejected" && p.reject_reason && (
        <p className="mt-2 text-xs text-slate-600">
          <span className="font-medium">Rejected{p.reviewed_at ? ` ${formatDateTime(p.reviewed_at)}` : ""}:</span> {p.reject_reason}
        </p>
      )}
    </article>
  );
}
