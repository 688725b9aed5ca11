/** A step's average as five stars (filled to the nearest half), read out as one sentence. */
import { cn } from "@/lib/cn";
import { ratingSummary } from "@/lib/steps";

export function Stars({
  avg,
  count,
  className,
  label = ratingSummary(avg, count),
  showFigure = true,
}: {
  avg: number | null | undefined;
  count: number;
  className?: string;
  label?: string;
  showFigure?: boolean;
}) {
  const value = count > 0 && avg != null ? avg : 0;
  return (
    <span role="img" aria-label={label} title={label} className={cn("inline-flex items-center gap-1 whitespace-nowrap", className)} data-testid="step-stars">
      <span aria-hidden="true" className="relative inline-block text-sm leading-none tracking-tight">
        <span className="text-slate-300">★★★★★</span>
        <span className="absolute inset-0 overflow-hidden text-amber-500" style={{ width: `${(Math.round(value * 2) / 2 / 5) * 100}%` }}>
          ★★★★★
        </span>
      </span>
      {showFigure && (
        <span aria-hidden="true" className="text-xs text-slate-500">
          {count > 0 && avg != null ? `${avg.toFixed(1)} (${count})` : "—"}
        </span>
      )}
    </span>
  );
}
