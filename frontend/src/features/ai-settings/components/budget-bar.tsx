/** This month's estimated spend against the monthly budget (a bar when there is a budget). */
import { cn } from "@/lib/cn";
import { formatUsd } from "../model/settings-form";

export function BudgetBar({ spent, budget, reached }: { spent: string; budget: string | null; reached?: boolean }) {
  const spentN = Number(spent) || 0;
  const budgetN = budget == null ? null : Number(budget);
  const ratio = budgetN && budgetN > 0 ? Math.min(1, spentN / budgetN) : budgetN === 0 ? 1 : 0;
  const over = reached ?? (budgetN != null && spentN >= budgetN);
  return (
    <div className="space-y-1.5" data-testid="month-spend">
      <p className="text-sm text-slate-700">
        <span className="font-medium text-slate-900">{formatUsd(spent)}</span>{" "}
        {budgetN == null ? "spent this month · no monthly budget" : `of ${formatUsd(budget)} this month`}
      </p>
      {budgetN != null && (
        <div
          role="meter"
          aria-label="This month's spend against the budget"
          aria-valuemin={0}
          aria-valuemax={budgetN}
          aria-valuenow={Math.min(spentN, budgetN)}
          aria-valuetext={`${formatUsd(spent)} of ${formatUsd(budget)}`}
          className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className={cn("h-full rounded-full", over ? "bg-red-500" : ratio >= 0.8 ? "bg-amber-500" : "bg-indigo-500")}
            style={{ width: `${Math.round(ratio * 100)}%` }}
          />
        </div>
      )}
      {over && budgetN != null && (
        <p className="text-xs font-medium text-red-700">Budget reached — only the offline engine answers until the month ends.</p>
      )}
    </div>
  );
}
