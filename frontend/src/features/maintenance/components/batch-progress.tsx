/** A batch's progress: a bar (done, skipped, failed, escalated, in progress) and "4 of 6 finished". */
import { cn } from "@/lib/cn";
import type { BatchCounts } from "../api/types";
import { ITEM_BADGE, progressOf, progressSegments } from "../model/item-status";

const SEGMENT: Record<string, string> = {
  done: "bg-emerald-500",
  skipped: "bg-amber-400",
  failed: "bg-red-500",
  escalated: "bg-orange-400",
  in_progress: "bg-indigo-400",
};

export function BatchProgress({ counts, label, compact = false }: { counts: BatchCounts; label: string; compact?: boolean }) {
  const { finished, total, percent } = progressOf(counts);
  return (
    <div className={cn("min-w-32", compact ? "space-y-0.5" : "space-y-1")}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
        aria-valuetext={`${finished} of ${total} finished (${percent}%)`}
        className={cn("flex w-full overflow-hidden rounded-full bg-slate-100", compact ? "h-1.5" : "h-2.5")}
      >
        {progressSegments(counts).map((s) => (
          <span
            key={s.status}
            className={cn("h-full motion-safe:transition-[width]", SEGMENT[s.status])}
            style={{ width: `${s.percent}%` }}
            title={`${ITEM_BADGE[s.status].label}: ${s.count}`}
          />
        ))}
      </div>
      <p className="text-xs text-slate-500 tabular-nums" data-testid="batch-progress-text">
        {finished} of {total} finished
      </p>
    </div>
  );
}
