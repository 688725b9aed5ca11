/**
 * Analytics: the filters, the headline figures with their trends and the previous period, the
 * per-flow table with quality scores, and the coverage heat map. Team admins see the account
 * (narrowed by the filters); engineers see their own sessions (the API decides, docs/analytics.md).
 */
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";
import { useIsFetching } from "@tanstack/react-query";
import { useHasRole } from "@/lib/use-role";
import { analyticsKeys } from "../api/keys";
import { type CoverageMap, isCoverageMap } from "../api/types";
import { useAnalyticsFilters } from "../hooks/use-analytics-filters";
import { CoverageSection } from "./coverage-section";
import { FiltersBar } from "./filters-bar";
import { FlowTableSection } from "./flow-table";
import { OverviewSection } from "./overview-section";

export function AnalyticsPage() {
  const lead = useHasRole("team_admin");
  const canRun = useHasRole("engineer");
  const { error, query, update, params, search } = useAnalyticsFilters();
  const asked = params.get("map");
  const map: CoverageMap = isCoverageMap(asked) ? asked : "category";
  const fetching = useIsFetching({ queryKey: analyticsKeys.all }) > 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Analytics"
        description={
          lead
            ? "Whether the team and its flows are getting better: outcomes, time to resolve, escalations, flow quality and coverage."
            : "Your own sessions: outcomes, time to resolve and escalations, and how the flows you ran did."
        }
        actions={fetching ? <Spinner label="Updating figures" /> : undefined}
      />
      <FiltersBar lead={lead} />
      {error ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-500">
          Fix the date range above to see figures.
        </p>
      ) : (
        <>
          <OverviewSection query={query} canRun={canRun} />
          <FlowTableSection query={query} search={search} />
          <CoverageSection query={query} map={map} onMap={(m) => update({ map: m === "category" ? null : m })} />
        </>
      )}
    </div>
  );
}
