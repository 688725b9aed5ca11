/**
 * The filters: date range (presets, or a custom from/to up to a year), and team, engineer (team
 * admins only), flow, category and client. Everything lives in the URL (see model/filters.ts).
 */
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { coverageQuery } from "../api/get-coverage";
import { flowTableQuery } from "../api/get-flow-table";
import { useTeamOptions } from "../api/list-filter-options";
import { useAnalyticsFilters } from "../hooks/use-analytics-filters";
import {
  type AnalyticsFilters,
  type AnalyticsQuery,
  type FilterKey,
  MAX_DAYS,
  PRESETS,
  rangeError,
  rangeLabel,
} from "../model/filters";
import { PersonCombobox } from "./person-combobox";

function without(query: AnalyticsQuery, key: FilterKey): AnalyticsQuery {
  const { [key]: _dropped, ...rest } = query;
  return rest as AnalyticsQuery;
}

interface Option {
  value: string;
  label: string;
}

/** The options plus the current value, should it not be among them (a shared link, a renamed team). */
function withCurrent(options: Option[], current: string | undefined): Option[] {
  if (!current || options.some((o) => o.value === current)) return options;
  return [...options, { value: current, label: current }];
}

export function FiltersBar({ lead, showFlow = true }: { lead: boolean; showFlow?: boolean }) {
  const { filters, error, query, update } = useAnalyticsFilters();
  const ok = error === null;
  const teams = useTeamOptions(lead);
  const flows = useQuery({ ...flowTableQuery(without(query, "flow_id")), enabled: ok && showFlow });
  const categories = useQuery({ ...coverageQuery(without(query, "category"), "category"), enabled: ok });
  const clients = useQuery({ ...coverageQuery(without(query, "client"), "client"), enabled: ok });
  const narrowed = Boolean(filters.team_id || filters.user_id || filters.flow_id || filters.category || filters.client);

  return (
    <section aria-label="Filters" className="space-y-3 rounded-lg bg-white p-3 ring-1 ring-slate-200">
      <RangePicker
        // A new range from the URL (a preset, Back) starts the custom form afresh.
        key={`${filters.range}:${filters.from}:${filters.to}`}
        range={filters.range}
        from={filters.from}
        to={filters.to}
        error={error}
        onPreset={(days) => update({ range: String(days) })}
        onCustom={(from, to) => update({ from, to })}
      />
      <div className="flex flex-wrap items-end gap-3">
        {lead && (
          <SelectField
            label="Team"
            className="w-44"
            value={filters.team_id ?? ""}
            onChange={(e) => update({ team_id: e.target.value || null })}
          >
            <option value="">All teams</option>
            {withCurrent((teams.data ?? []).map((t) => ({ value: t.id, label: t.name })), filters.team_id).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
        )}
        {lead && (
          <PersonCombobox
            label="Engineer"
            className="w-52"
            value={filters.user_id}
            onChange={(id) => update({ user_id: id })}
          />
        )}
        {showFlow && (
          <SelectField
            label="Flow"
            className="w-56"
            value={filters.flow_id ?? ""}
            onChange={(e) => update({ flow_id: e.target.value || null })}
          >
            <option value="">All flows</option>
            {withCurrent(
              (flows.data?.items ?? [])
                .map((f) => ({ value: f.flow_id, label: f.title }))
                .sort((a, b) => a.label.localeCompare(b.label)),
              filters.flow_id,
            ).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label="Category"
          className="w-44"
          value={filters.category ?? ""}
          onChange={(e) => update({ category: e.target.value || null })}
        >
          <option value="">All categories</option>
          {withCurrent((categories.data?.rows ?? []).map((r) => ({ value: r, label: r })), filters.category).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Client"
          className="w-44"
          value={filters.client ?? ""}
          onChange={(e) => update({ client: e.target.value || null })}
        >
          <option value="">All clients</option>
          {withCurrent((clients.data?.rows ?? []).map((r) => ({ value: r, label: r })), filters.client).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        {narrowed && (
          <Button
            variant="ghost"
            size="sm"
            className="mb-1"
            onClick={() => update({ team_id: null, user_id: null, flow_id: null, category: null, client: null })}
          >
            Clear filters
          </Button>
        )}
        {!lead && <p className="mb-1.5 text-xs text-slate-500">Your own sessions only.</p>}
      </div>
    </section>
  );
}

function RangePicker({
  range,
  from,
  to,
  error,
  onPreset,
  onCustom,
}: {
  range: AnalyticsFilters["range"];
  from: string;
  to: string;
  error: string | null;
  onPreset: (days: number) => void;
  onCustom: (from: string, to: string) => void;
}) {
  const [open, setOpen] = useState(range === "custom");
  const [draft, setDraft] = useState({ from, to });
  const [tried, setTried] = useState(false);
  const id = useId();
  const problem = rangeError(draft.from, draft.to);
  // Say what is wrong as soon as both dates are there, or on Apply.
  const shown = tried || (draft.from && draft.to) ? problem : null;

  function apply(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!problem) onCustom(draft.from, draft.to);
  }

  const chip = (active: boolean) =>
    cn(
      "h-8 rounded-md px-3 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500",
      active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
    );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Date range" className="flex flex-wrap gap-1.5">
          {PRESETS.map((p) => (
            <button
              key={p.days}
              type="button"
              aria-pressed={range === p.days}
              className={chip(range === p.days)}
              onClick={() => {
                setOpen(false);
                onPreset(p.days);
              }}
            >
              {p.label}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={range === "custom"}
            aria-expanded={open}
            aria-controls={`${id}-custom`}
            className={chip(range === "custom")}
            onClick={() => {
              setDraft({ from, to });
              setTried(false);
              setOpen((o) => !o);
            }}
          >
            Custom…
          </button>
        </div>
        <p className="text-sm text-slate-500" data-testid="range-label">
          {error ? "No valid range" : rangeLabel({ range, from, to })}
        </p>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {open && (
        <form id={`${id}-custom`} onSubmit={apply} noValidate className="flex flex-wrap items-end gap-3" aria-label="Custom range">
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">From</span>
            <input
              type="date"
              value={draft.from}
              onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
              aria-invalid={Boolean(shown) || undefined}
              aria-describedby={`${id}-range-help`}
              className="block rounded-md px-2.5 py-1.5 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none"
            />
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-700">
            <span className="block">To</span>
            <input
              type="date"
              value={draft.to}
              onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
              aria-invalid={Boolean(shown) || undefined}
              aria-describedby={`${id}-range-help`}
              className="block rounded-md px-2.5 py-1.5 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none"
            />
          </label>
          <Button type="submit" size="sm" className="mb-1">
            Apply
          </Button>
          <p id={`${id}-range-help`} aria-live="polite" className={cn("mb-1.5 text-xs", shown ? "text-red-700" : "text-slate-500")}>
            {shown ?? `UTC days, both included; at most one year (${MAX_DAYS} days).`}
          </p>
        </form>
      )}
    </div>
  );
}
