/** /admin/ai — which model provider the account uses, its key, models and monthly budget (team admin+). */
import { Link } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useAISettings } from "../api/get-ai-settings";
import { AISettingsForm } from "./ai-settings-form";
import { AITabs } from "./ai-tabs";
import { BudgetBar } from "./budget-bar";
import { ConnectionTestPanel } from "./connection-test-panel";
import { EffectiveSummary } from "./effective-summary";

const DESCRIPTION =
  "The copilot, ResolutionAssist and escalation briefings use these settings. Session content is redacted before any of it reaches a model.";

export function AISettingsPage() {
  const settings = useAISettings();

  if (settings.isPending) return <LoadingBlock label="Loading AI settings" />;
  if (settings.isError) {
    return (
      <div>
        <PageHeader title="AI settings" description={DESCRIPTION} />
        <AITabs />
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} title="Couldn't load the AI settings" />
      </div>
    );
  }

  const s = settings.data;
  return (
    <div>
      <PageHeader title="AI settings" description={DESCRIPTION} />
      <AITabs />
      <div className="grid max-w-6xl items-start gap-6 lg:grid-cols-3">
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200 lg:col-span-2">
          <AISettingsForm settings={s} />
        </div>
        <div className="space-y-6">
          <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
            <EffectiveSummary settings={s} />
          </div>
          <section aria-labelledby="ai-month-title" className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
            <h2 id="ai-month-title" className="text-sm font-semibold text-slate-900">
              This month
            </h2>
            <BudgetBar spent={s.month_spend_usd} budget={s.monthly_budget_usd} reached={s.budget_reached} />
            <p className="text-xs text-slate-500">
              Estimated from list prices.{" "}
              <Link to="/admin/ai/usage" className="font-medium text-indigo-700 hover:underline">
                See usage
              </Link>
            </p>
          </section>
          <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
            <ConnectionTestPanel settings={s} />
          </div>
        </div>
      </div>
    </div>
  );
}
