/**
 * Per-flow figures: runs, resolution, median time, abandonment, escalations, rating, last edit,
 * version and the quality score, sortable from the keyboard (worst quality first by default).
 * A flow's row opens its path view.
 */
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { useFlowTable } from "../api/get-flow-table";
import type { FlowRow, FlowTable } from "../api/types";
import type { AnalyticsQuery } from "../model/filters";
import { DEFAULT_SORT, nextSort, type Sort, type SortKey, sortFlows } from "../model/flow-sort";
import { formatCount, formatRate, formatSeconds } from "../model/format";
import { CsvButton } from "./download-buttons";
import { QualityFormulaDetails, QualityScore } from "./quality";
import { TableSkeleton } from "./skeletons";

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "title", label: "Flow" },
  { key: "quality", label: "Quality", numeric: true },
  { key: "runs", label: "Runs", numeric: true },
  { key: "resolution_rate", label: "Resolution", numeric: true },
  { key: "median_active_seconds", label: "Median time", numeric: true },
  { key: "abandonment_rate", label: "Abandonment", numeric: true },
  { key: "escalation_rate", label: "Escalations", numeric: true },
  { key: "rating", label: "Rating", numeric: true },
  { key: "last_edited", label: "Last edited" },
  { key: "version", label: "Version", numeric: true },
];

export function FlowTableSection({ query, search }: { query: AnalyticsQuery; search: string }) {
  const table = useFlowTable(query);
  return (
    <section aria-labelledby="flows-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="flows-title" className="text-base font-semibold text-slate-900">
            Flows
          </h2>
          <p className="text-xs text-slate-500">Worst quality first. Open a flow to see where its runs go and where they stop.</p>
        </div>
        <CsvButton what={{ table: "flows", query }} label="Download flow table as CSV" />
      </div>
      {table.isPending ? (
        <TableSkeleton label="Loading flows" />
      ) : table.isError ? (
        <ErrorState error={table.error} onRetry={() => void table.refetch()} title="Couldn't load the flow figures" />
      ) : table.data.items.length === 0 ? (
        <EmptyState
          title="No flows to measure"
          action={
            <Link to="/flows" className={buttonClasses("secondary", "sm")}>
              Go to flows
            </Link>
          }
        >
          Publish a flow and run sessions from it; its runs, rates and quality score appear here.
        </EmptyState>
      ) : (
        <>
          <QualityFormulaDetails formula={table.data.formula} />
          <FlowTableView table={table.data} search={search} />
        </>
      )}
    </section>
  );
}

export function FlowTableView({ table, search }: { table: FlowTable; search: string }) {
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const navigate = useNavigate();
  const rows = sortFlows(table.items, sort);
  const minRuns = table.formula.min_runs;
  return (
    <Table label="Flow figures">
      <THead>
        {COLUMNS.map((c) => {
          const active = sort.key === c.key;
          return (
            <Th
              key={c.key}
              aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
              className={c.numeric ? "text-right" : undefined}
            >
              <button
                type="button"
                onClick={() => setSort((s) => nextSort(s, c.key))}
                className="inline-flex items-center gap-1 rounded font-medium uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                {c.label}
                <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-300"}>
                  {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                </span>
              </button>
            </Th>
          );
        })}
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr
            key={row.flow_id}
            className="cursor-pointer"
            data-testid="flow-row"
            onClick={(e) => {
              // The title's link (and the score's tooltip) handle themselves.
              if ((e.target as HTMLElement).closest("a,[tabindex]")) return;
              navigate(`/analytics/flows/${row.flow_id}${search}`);
            }}
          >
            <Td>
              <Link
                to={`/analytics/flows/${row.flow_id}${search}`}
                className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                {row.title}
              </Link>
              <span className="block text-xs text-slate-500">{row.category || "Uncategorised"}</span>
            </Td>
            <Td className="text-right">
              <QualityScore quality={row.quality} minRuns={minRuns} />
            </Td>
            <Td className="text-right tabular-nums">{formatCount(row.runs)}</Td>
            <Td className="text-right tabular-nums">
              {formatRate(row.resolution_rate)}
              {row.workaround > 0 && (
                <span className="block text-xs text-slate-500">{formatCount(row.workaround)} with a workaround</span>
              )}
            </Td>
            <Td className="text-right tabular-nums">{formatSeconds(row.median_active_seconds)}</Td>
            <Td className="text-right tabular-nums">
              {formatRate(row.abandonment_rate)}
              {row.abandoned > 0 && <span className="block text-xs text-slate-500">{formatCount(row.abandoned)}</span>}
            </Td>
            <Td className="text-right tabular-nums">
              {formatCount(row.escalated)}
              {row.escalation_rate != null && <span className="block text-xs text-slate-500">{formatRate(row.escalation_rate)}</span>}
            </Td>
            <Td className="text-right tabular-nums">
              <Rating row={row} />
            </Td>
            <Td className="whitespace-nowrap">
              {formatDate(row.last_edited)}
              {row.staleness_days > 0 && <span className="block text-xs text-slate-500">{row.staleness_days} days ago</span>}
            </Td>
            <Td className="text-right tabular-nums">{row.version == null ? "Draft" : `v${row.version}`}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function Rating({ row }: { row: FlowRow }) {
  if (!row.rating) return <span className="text-slate-400">—</span>;
  return (
    <>
      <span aria-hidden="true">
        {row.rating.average.toFixed(1)} ★<span className="block text-xs text-slate-500">{row.rating.count}</span>
      </span>
      <span className="sr-only">
        {row.rating.average.toFixed(1)} stars from {row.rating.count} {row.rating.count === 1 ? "rating" : "ratings"}
      </span>
    </>
  );
}
