/** /admin/ai/usage — AI calls, tokens and estimated cost per day, model and action (team admin+). */
import { useSearchParams } from "react-router";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useAIUsage } from "../api/get-ai-usage";
import { formatUsd } from "../model/settings-form";
import { formatCount, rangeProblem, utcDay } from "../model/usage";
import { AITabs } from "./ai-tabs";
import { BudgetBar } from "./budget-bar";
import { UsageSummary, UsageTable } from "./usage-table";

export function AIUsagePage() {
  const [params, setParams] = useSearchParams();
  const since = params.get("since") ?? utcDay(-29);
  const until = params.get("until") ?? utcDay();
  const problem = rangeProblem(since, until);
  const usage = useAIUsage({ since, until }, problem === null);

  const set = (key: "since" | "until", value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const data = usage.data;
  return (
    <div>
      <PageHeader
        title="AI usage"
        description="Every AI call of the account — the copilot, ResolutionAssist, briefings — with its tokens and estimated cost."
      />
      <AITabs />
      <div className="max-w-6xl space-y-5">
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            From
            <Input type="date" value={since} max={until || undefined} onChange={(e) => set("since", e.target.value)} aria-invalid={problem ? true : undefined} />
          </label>
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            To
            <Input type="date" value={until} min={since || undefined} onChange={(e) => set("until", e.target.value)} aria-invalid={problem ? true : undefined} />
          </label>
          {usage.isFetching && !usage.isPending && <Spinner label="Updating" />}
          <span className="text-xs text-slate-500">Days are UTC; both days are included.</span>
        </div>
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {problem}
          </p>
        )}

        {problem ? null : usage.isPending ? (
          <LoadingBlock label="Loading AI usage" />
        ) : usage.isError ? (
          <ErrorState error={usage.error} onRetry={() => void usage.refetch()} title="Couldn't load AI usage" />
        ) : data ? (
          <>
            <div className="grid gap-4 sm:grid-cols-3">
              <Stat label="Calls" value={formatCount(data.total_calls)} testId="usage-total-calls" />
              <Stat label="Estimated cost" value={formatUsd(data.total_cost_usd)} testId="usage-total-cost" />
              <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
                <p className="mb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">This month</p>
                <BudgetBar spent={data.month_spend_usd} budget={data.monthly_budget_usd} />
              </div>
            </div>
            {data.rows.length === 0 ? (
              <EmptyState title="No AI calls in this period">The offline engine's answers are recorded too, at no cost.</EmptyState>
            ) : (
              <>
                <UsageSummary rows={data.rows} />
                <UsageTable rows={data.rows} />
              </>
            )}
            <p className="text-xs text-slate-500">
              Costs are estimates from the providers' list prices; your provider's invoice is the final word. Fallbacks are calls the offline engine answered after the model failed or the budget was reached.
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
