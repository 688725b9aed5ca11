/**
 * /admin/jobs — background work for team admins (every account's for the super admin): what needs
 * attention (failed and dead jobs, with Retry), what is queued, running or done, and the account's
 * schedules. `?tab=queued|running|done`; the list refreshes every 10 s while the page is visible.
 */
import { type KeyboardEvent, useId, useRef } from "react";
import { useSearchParams } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/lib/cn";
import { DEFAULT_FILTER, isJobFilter, JOB_FILTERS, type JobFilter } from "../model/filters";
import { JobsTable } from "./jobs-table";
import { SchedulesSection } from "./schedules-section";

export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get("tab");
  const filter: JobFilter = isJobFilter(raw) ? raw : DEFAULT_FILTER;
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  function select(next: JobFilter) {
    setParams(next === DEFAULT_FILTER ? {} : { tab: next }, { replace: true });
  }

  function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
    const n = JOB_FILTERS.length;
    const i = JOB_FILTERS.findIndex((f) => f.value === filter);
    const j =
      e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i + n - 1) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
    if (j < 0) return;
    e.preventDefault();
    select(JOB_FILTERS[j]!.value);
    tabRefs.current[j]?.focus();
  }

  return (
    <div className="max-w-6xl space-y-8">
      <div>
        <PageHeader
          title="Jobs"
          description="Background work: emails, Slack/Teams notices, PSA notes, assessments and indexing. Failed work is retried on its own; Retry runs it again now."
        />
        <div className="space-y-3">
          <div role="tablist" aria-label="Job state" className="flex w-fit flex-wrap rounded-md bg-slate-100 p-0.5" onKeyDown={onTabKey}>
            {JOB_FILTERS.map((f, i) => (
              <button
                key={f.value}
                ref={(el) => {
                  tabRefs.current[i] = el;
                }}
                id={`${baseId}-tab-${f.value}`}
                type="button"
                role="tab"
                aria-selected={filter === f.value}
                aria-controls={`${baseId}-panel`}
                tabIndex={filter === f.value ? 0 : -1}
                onClick={() => select(f.value)}
                className={cn(
                  "rounded px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
                  filter === f.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                )}
              >
                {f.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${filter}`}>
            <JobsTable key={filter} filter={filter} />
          </div>
        </div>
      </div>
      <SchedulesSection />
    </div>
  );
}
