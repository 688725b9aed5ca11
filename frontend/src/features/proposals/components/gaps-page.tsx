/**
 * /gaps — coverage gaps: problems no flow covers (FlowPilot intakes that matched no flow, copilot
 * questions it could not answer, escalations without a flow), clustered into labelled topics with
 * their count, trend, last sighting, redacted examples and the engineers who met them. "Draft a
 * flow for this gap" builds a draft from the gap's sessions and opens it in the editor.
 */
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { formatDateTime, formatTimeSince } from "@/lib/format";
import { useHasRole } from "@/lib/use-role";
import { useGaps } from "../api/gaps";
import type { Gap } from "../api/types";
import { gapCountText, sourcesText, TREND_WORDS, trendText } from "../model/gap-view";
import { DraftGapDialog } from "./draft-gap-dialog";

export function GapsPage() {
  const gaps = useGaps();
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Coverage gaps"
        description="Problems your team met that no flow covers yet: FlowPilot intakes that matched no flow, copilot questions it could not answer, and escalations without a flow — grouped by topic."
      />
      {gaps.isPending ? (
        <LoadingBlock label="Loading coverage gaps" />
      ) : gaps.isError ? (
        <ErrorState error={gaps.error} onRetry={() => void gaps.refetch()} title="Couldn't load the coverage gaps" />
      ) : gaps.data.items.length === 0 ? (
        <EmptyState title="No coverage gaps">
          Every problem your team met recently matched a flow. Gaps appear here when FlowPilot finds no flow, the copilot
          doesn't know, or a session without a flow is escalated.
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Coverage gaps">
          {gaps.data.items.map((g) => (
            <li key={g.key}>
              <GapCard gap={g} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const TREND_TONE = { rising: "text-red-700", falling: "text-emerald-700", steady: "text-slate-600" } as const;

function GapCard({ gap }: { gap: Gap }) {
  const titleId = useId();
  const canDraft = useHasRole("engineer");
  const [drafting, setDrafting] = useState(false);
  const trend = TREND_WORDS[gap.trend.direction];
  return (
    <article aria-labelledby={titleId} data-testid="gap-card" className="rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 id={titleId} className="text-sm font-semibold text-slate-900">
            {gap.label}
          </h2>
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <span data-testid="gap-count">
              <Badge tone="amber">{gapCountText(gap.count)}</Badge>
            </span>
            <span className={cn("font-medium", TREND_TONE[gap.trend.direction])} data-testid="gap-trend" title={trendText(gap.trend)}>
              <span aria-hidden="true">{trend.arrow}</span> {trend.word}
              <span className="font-normal text-slate-500"> ({trendText(gap.trend)})</span>
            </span>
            <span data-testid="gap-last-seen" title={formatDateTime(gap.last_seen)}>
              Last seen {formatTimeSince(gap.last_seen)}
            </span>
          </div>
          {gap.keywords.length > 0 && (
            <p className="flex flex-wrap gap-1 text-xs" aria-label="Keywords">
              {gap.keywords.map((k) => (
                <span key={k} className="rounded bg-slate-100 px-1.5 py-px text-slate-600">
                  {k}
                </span>
              ))}
            </p>
          )}
          <p className="text-xs text-slate-500">{sourcesText(gap.sources)}</p>
        </div>
        {canDraft && (
          <Button variant="secondary" size="sm" onClick={() => setDrafting(true)}>
            Draft a flow for this gap<span className="sr-only">: {gap.label}</span>
          </Button>
        )}
      </div>
      {gap.examples.length > 0 && (
        <div className="mt-2">
          <h3 className="text-xs font-semibold text-slate-500">Examples</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700" data-testid="gap-examples">
            {gap.examples.map((ex, i) => (
              <li key={i}>{ex}</li>
            ))}
          </ul>
        </div>
      )}
      {gap.engineers.length > 0 && (
        <p className="mt-2 text-xs text-slate-600" data-testid="gap-engineers">
          <span className="font-medium">Met by:</span> {gap.engineers.map((e) => e.name).join(", ")}
        </p>
      )}
      {drafting && <DraftGapDialog gap={gap} onClose={() => setDrafting(false)} />}
    </article>
  );
}
