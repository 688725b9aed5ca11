/** The flow quality score: a badge with its parts on hover or focus, and the formula it comes from. */
import { useId } from "react";
import { cn } from "@/lib/cn";
import type { FlowRow, QualityFormula } from "../api/types";
import { formatRate } from "../model/format";

type Quality = FlowRow["quality"];

const PARTS: { key: keyof Omit<Quality, "score">; label: string }[] = [
  { key: "success", label: "Success" },
  { key: "abandonment", label: "Not abandoned" },
  { key: "escalation", label: "Not escalated" },
  { key: "rating", label: "Rating" },
  { key: "staleness", label: "Freshness" },
];

export function qualityTone(score: number): "good" | "fair" | "poor" {
  return score >= 75 ? "good" : score >= 50 ? "fair" : "poor";
}

export function qualityDescription(quality: Quality, minRuns: number): string {
  if (quality.score == null) return `No score: fewer than ${minRuns} runs in this range.`;
  const parts = PARTS.map((p) => `${p.label} ${quality[p.key] == null ? "not rated" : formatRate(quality[p.key])}`);
  return `Quality ${Math.round(quality.score)} of 100. ${parts.join(", ")}.`;
}

export function QualityScore({ quality, minRuns }: { quality: Quality; minRuns: number }) {
  const tip = useId();
  const text = qualityDescription(quality, minRuns);
  const tone = quality.score == null ? null : qualityTone(quality.score);
  return (
    <span className="group relative inline-block">
      <span
        // Focusable so the breakdown can be read from the keyboard too.
        tabIndex={0}
        aria-label={text}
        aria-describedby={tip}
        data-testid="quality-score"
        className={cn(
          "inline-flex min-w-10 justify-center rounded px-1.5 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-500",
          tone === "good" && "bg-emerald-50 text-emerald-700 ring-emerald-200",
          tone === "fair" && "bg-amber-50 text-amber-800 ring-amber-200",
          tone === "poor" && "bg-red-50 text-red-700 ring-red-200",
          tone === null && "bg-slate-50 text-slate-500 ring-slate-200",
        )}
      >
        {quality.score == null ? "—" : Math.round(quality.score)}
      </span>
      <span
        id={tip}
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-20 mt-1 hidden w-64 rounded-md bg-slate-900 px-2.5 py-2 text-xs font-normal text-white shadow-lg group-focus-within:block group-hover:block"
      >
        {quality.score == null ? (
          text
        ) : (
          <>
            <span className="block font-semibold">Quality {Math.round(quality.score)} / 100</span>
            {PARTS.map((p) => (
              <span key={p.key} className="flex justify-between gap-2">
                <span>{p.label}</span>
                <span className="tabular-nums">{quality[p.key] == null ? "not rated" : formatRate(quality[p.key])}</span>
              </span>
            ))}
          </>
        )}
      </span>
    </span>
  );
}

export function QualityFormulaDetails({ formula }: { formula: QualityFormula }) {
  const w = formula.weights;
  return (
    <details className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200" data-testid="quality-formula">
      <summary className="cursor-pointer font-medium text-slate-800">How is this scored?</summary>
      <p className="mt-2">{formula.text}</p>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-5">
        {[
          ["Success", w.success],
          ["Abandonment", w.abandonment],
          ["Escalation", w.escalation],
          ["Rating", w.rating],
          ["Staleness", w.staleness],
        ].map(([label, weight]) => (
          <div key={label as string}>
            <dt className="text-slate-500">{label} weight</dt>
            <dd className="font-semibold tabular-nums">{weight}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        No score below {formula.min_runs} runs; a flow counts as fully stale {formula.stale_after_days} days after its last edit.
      </p>
    </details>
  );
}
