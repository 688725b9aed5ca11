/** The change against the previous period: an arrow and the amount, coloured by what it means. */
import { cn } from "@/lib/cn";
import type { Change } from "../model/change";

const ARROWS: Record<Change["direction"], string> = { up: "▲", down: "▼", flat: "▬", none: "" };
const TONES: Record<Change["tone"], string> = {
  good: "bg-emerald-50 text-emerald-700",
  bad: "bg-red-50 text-red-700",
  neutral: "bg-slate-100 text-slate-600",
};

export function ChangeBadge({ change }: { change: Change }) {
  return (
    <span
      data-testid="change"
      data-tone={change.tone}
      data-direction={change.direction}
      title={change.label}
      className={cn("inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium tabular-nums", TONES[change.tone])}
    >
      <span aria-hidden="true">
        {ARROWS[change.direction]} {change.text}
      </span>
      <span className="sr-only">{change.label}</span>
    </span>
  );
}
