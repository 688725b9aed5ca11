/**
 * /proposals — the review queue: the knowledge flywheel's proposals by state (tabs with counts,
 * `?tab=approved|dismissed|rejected`), each with its kind, rationale, confidence and evidence;
 * a proposal's own page has the draft and the review actions. Open "this step is wrong" flags
 * from the step library are their own section. Team admins can run the flywheel now.
 */
import { type KeyboardEvent, useId, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { useHasRole } from "@/lib/use-role";
import { useProposalCounts } from "../api/get-proposal-counts";
import { useProposals } from "../api/list-proposals";
import { isProposalStatus, PROPOSAL_STATUSES, type ProposalStatus, STATUS_LABELS } from "../model/proposal-view";
import { ProposalCard } from "./proposal-card";
import { RunFlywheelButton } from "./run-flywheel-button";
import { StepFlagsSection } from "./step-flags-section";

const EMPTY: Record<ProposalStatus, { title: string; body: string }> = {
  open: {
    title: "Nothing to review",
    body: "The flywheel looks at finished sessions every 15 minutes and proposes new flows and changes here when several sessions agree.",
  },
  approved: { title: "No approved proposals yet", body: "Approving a proposal creates a draft you can edit and publish." },
  dismissed: { title: "No dismissed proposals", body: "A dismissed proposal comes back when new evidence arrives." },
  rejected: { title: "No rejected proposals", body: "A rejected proposal is never proposed again." },
};

export function ReviewQueuePage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get("tab");
  const status: ProposalStatus = isProposalStatus(raw) ? raw : "open";
  const isAdmin = useHasRole("team_admin");
  const counts = useProposalCounts();
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  function select(next: ProposalStatus) {
    setParams(next === "open" ? {} : { tab: next }, { replace: true });
  }

  function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
    const n = PROPOSAL_STATUSES.length;
    const i = PROPOSAL_STATUSES.indexOf(status);
    const j =
      e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i + n - 1) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
    if (j < 0) return;
    e.preventDefault();
    select(PROPOSAL_STATUSES[j]!);
    tabRefs.current[j]?.focus();
  }

  return (
    <div className="max-w-5xl space-y-8">
      <div>
        <PageHeader
          title="Review queue"
          description={
            <>
              Flows and changes the knowledge flywheel proposes from your team's finished sessions. Problems no flow covers
              yet are under <Link to="/gaps" className="text-indigo-700 hover:underline">Coverage gaps</Link>.
            </>
          }
          actions={isAdmin ? <RunFlywheelButton /> : undefined}
        />
        <div className="space-y-3">
          <div role="tablist" aria-label="Proposal state" className="flex w-fit flex-wrap rounded-md bg-slate-100 p-0.5" onKeyDown={onTabKey}>
            {PROPOSAL_STATUSES.map((s, i) => {
              const count = counts.data?.[s];
              return (
                <button
                  key={s}
                  ref={(el) => {
                    tabRefs.current[i] = el;
                  }}
                  id={`${baseId}-tab-${s}`}
                  type="button"
                  role="tab"
                  aria-selected={status === s}
                  aria-controls={`${baseId}-panel`}
                  tabIndex={status === s ? 0 : -1}
                  onClick={() => select(s)}
                  className={cn(
                    "inline-flex items-center gap-1.5 rounded px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
                    status === s ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                  )}
                >
                  {STATUS_LABELS[s]}
                  {count !== undefined && (
                    <span data-testid={`count-${s}`} className="rounded-full bg-slate-200 px-1.5 text-xs text-slate-700 tabular-nums">
                      {count}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
          <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${status}`} tabIndex={0} className="focus:outline-none">
            <ProposalList key={status} status={status} />
          </div>
        </div>
      </div>
      <StepFlagsSection />
    </div>
  );
}

function ProposalList({ status }: { status: ProposalStatus }) {
  const proposals = useProposals(status);
  if (proposals.isPending) return <LoadingBlock label="Loading proposals" />;
  if (proposals.isError) {
    return <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} title="Couldn't load the proposals" />;
  }
  if (proposals.data.items.length === 0) {
    const e = EMPTY[status];
    return <EmptyState title={e.title}>{e.body}</EmptyState>;
  }
  return (
    <ul className="space-y-3" aria-label={`${STATUS_LABELS[status]} proposals`}>
      {proposals.data.items.map((p) => (
        <li key={p.id}>
          <ProposalCard proposal={p} />
        </li>
      ))}
    </ul>
  );
}
