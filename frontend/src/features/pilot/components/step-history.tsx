/** The steps already behind us (answered, skipped or passed over), folded by default. */
import type { PilotStep } from "../api/types";
import { answerText, SOURCE_LABELS, stepHeading } from "../model/labels";

export function StepHistory({ steps }: { steps: PilotStep[] }) {
  const done = steps.filter((s) => s.status !== "open");
  if (done.length === 0) return null;
  return (
    <details className="rounded-lg bg-white ring-1 ring-slate-200" data-testid="pilot-history">
      <summary className="cursor-pointer px-4 py-2.5 text-sm font-semibold text-slate-900">Step history ({done.length})</summary>
      <ol className="divide-y divide-slate-100 border-t border-slate-100 px-4" aria-label="Step history">
        {done.map((s) => (
          <li key={s.id} className="py-2 text-sm" data-status={s.status}>
            <div className="flex items-baseline gap-2">
              <span className="shrink-0 text-xs text-slate-400 tabular-nums">{s.ordinal}.</span>
              <span className="min-w-0 flex-1 text-slate-800">{stepHeading(s).heading}</span>
              <span className="shrink-0 text-[11px] text-slate-400">{SOURCE_LABELS[s.source] ?? s.source}</span>
            </div>
            <p className={s.status === "answered" ? "pl-5 text-slate-600" : "pl-5 text-slate-400 italic"}>{answerText(s)}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
