/** Small pieces every proposal view shows: its kind, its confidence, its evidence. */
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import type { Evidence } from "../api/types";
import { confidenceLevel, confidencePercent, KIND_HINTS, kindLabel, type ProposalKind, sessionStatusLabel } from "../model/proposal-view";

export function KindBadge({ kind }: { kind: string }) {
  const tone = kind === "new_flow" ? "indigo" : kind === "enhancement" ? "amber" : "green";
  return (
    <span title={KIND_HINTS[kind as ProposalKind]} data-testid="proposal-kind">
      <Badge tone={tone}>{kindLabel(kind)}</Badge>
    </span>
  );
}

const LEVEL_STYLE = {
  high: { bar: "bg-emerald-500", text: "text-emerald-700" },
  medium: { bar: "bg-amber-500", text: "text-amber-700" },
  low: { bar: "bg-slate-400", text: "text-slate-600" },
} as const;

/** A meter (for assistive tech too) with the percentage and a word for it. */
export function Confidence({ value }: { value: number }) {
  const pct = confidencePercent(value);
  const level = confidenceLevel(value);
  const style = LEVEL_STYLE[level];
  return (
    <span className="inline-flex items-center gap-1.5 text-xs" data-testid="proposal-confidence">
      <span
        role="meter"
        aria-label="Confidence"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% (${level})`}
        className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-200"
      >
        <span className={cn("block h-full rounded-full", style.bar)} style={{ width: `${pct}%` }} />
      </span>
      <span className={cn("font-medium", style.text)}>
        {pct}% <span className="font-normal text-slate-500">{level} confidence</span>
      </span>
    </span>
  );
}

/** The evidence sessions (titles redacted by the server), each a link to the session. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  if (evidence.length === 0) return <p className="text-sm text-slate-500">No sessions recorded.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Evidence sessions">
      {evidence.map((e) => (
        <li key={e.session_id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
          <Link to={e.link || `/sessions/${e.session_id}`} className="min-w-0 truncate font-medium text-indigo-700 hover:underline">
            {e.title || "Untitled session"}
          </Link>
          <span className="shrink-0 text-xs text-slate-500">
            {sessionStatusLabel(e.status)}
            {e.ended_at && <> · {formatDateTime(e.ended_at)}</>}
          </span>
        </li>
      ))}
    </ul>
  );
}
