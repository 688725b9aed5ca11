/**
 * The coverage heat map: sessions per category (or client) × outcome, darker where there are more.
 * Each cell links to the sessions it counts; the map downloads as CSV or PNG.
 */
import { useRef } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { useCoverage } from "../api/get-coverage";
import { type Coverage, COVERAGE_MAPS, type CoverageMap } from "../api/types";
import type { AnalyticsQuery } from "../model/filters";
import { formatCount, outcomeLabel } from "../model/format";
import { cellClasses, cellKey, cellMap } from "../model/heat";
import { downloadHeatMapPng } from "../model/png";
import { CsvButton, PngButton } from "./download-buttons";
import { TableSkeleton } from "./skeletons";

const AXIS_LABELS: Record<string, string> = { category: "Category", client: "Client", outcome: "Outcome" };

/** A column's name: outcomes by their label, categories as they are. */
function colLabel(c: Coverage, col: string): string {
  return c.cols_by === "outcome" ? outcomeLabel(col) : col;
}

export function CoverageSection({
  query,
  map,
  onMap,
}: {
  query: AnalyticsQuery;
  map: CoverageMap;
  onMap: (map: CoverageMap) => void;
}) {
  const coverage = useCoverage(query, map);
  const mapRef = useRef<HTMLDivElement>(null);
  const data = coverage.data;
  return (
    <section aria-labelledby="coverage-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="coverage-title" className="text-base font-semibold text-slate-900">
            Coverage
          </h2>
          <p className="text-xs text-slate-500">
            Where problems come from and how they end. Select a cell to see its sessions.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <div role="group" aria-label="Heat map" className="inline-flex rounded-md ring-1 ring-slate-300">
            {(Object.keys(COVERAGE_MAPS) as CoverageMap[]).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={map === m}
                onClick={() => onMap(m)}
                className={cn(
                  "h-7 px-2.5 text-xs font-medium first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-indigo-500",
                  map === m ? "bg-indigo-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
                )}
              >
                {COVERAGE_MAPS[m].label}
              </button>
            ))}
          </div>
          <PngButton
            target={mapRef}
            label="Download coverage heat map as PNG"
            save={async () => {
              if (!data) throw new Error("The heat map has not loaded yet.");
              await downloadHeatMapPng(picture(data), `analytics-coverage-${map}_${data.from}_${data.to}.png`);
            }}
          />
          <CsvButton what={{ table: "coverage", map, query }} label="Download coverage as CSV" />
        </div>
      </div>
      <div ref={mapRef}>
        {coverage.isPending ? (
          <TableSkeleton label="Loading coverage" rows={4} />
        ) : coverage.isError ? (
          <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} title="Couldn't load coverage" />
        ) : coverage.data.total === 0 ? (
          <EmptyState title="Nothing to map yet">Run sessions from flows and figures appear here.</EmptyState>
        ) : (
          <HeatMap coverage={coverage.data} />
        )}
      </div>
    </section>
  );
}

function picture(c: Coverage) {
  const cells = cellMap(c.cells);
  return {
    title: `Sessions by ${c.rows_by} and ${c.cols_by}, ${c.from} – ${c.to}`,
    rows: c.rows,
    cols: c.cols.map((col) => ({ key: col, label: colLabel(c, col) })),
    count: (row: string, col: string) => cells.get(cellKey(row, col))?.count ?? 0,
  };
}

export function HeatMap({ coverage }: { coverage: Coverage }) {
  const cells = cellMap(coverage.cells);
  const max = Math.max(0, ...coverage.cells.map((c) => c.count));
  const colTotals = coverage.cols.map((col) => coverage.cells.filter((c) => c.col === col).reduce((n, c) => n + c.count, 0));
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full text-sm" aria-label={`Sessions by ${coverage.rows_by} and ${coverage.cols_by}`}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
              {AXIS_LABELS[coverage.rows_by] ?? coverage.rows_by}
            </th>
            {coverage.cols.map((col) => (
              <th key={col} scope="col" className="px-3 py-2 text-right text-xs font-medium tracking-wide text-slate-500 uppercase">
                {colLabel(coverage, col)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right text-xs font-medium tracking-wide text-slate-500 uppercase">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {coverage.rows.map((row) => {
            let total = 0;
            return (
              <tr key={row}>
                <th scope="row" className="px-3 py-1.5 text-left font-medium text-slate-800">
                  {row}
                </th>
                {coverage.cols.map((col) => {
                  const cell = cells.get(cellKey(row, col));
                  const n = cell?.count ?? 0;
                  total += n;
                  return (
                    <td key={col} className="p-0.5 text-right">
                      {cell && n > 0 ? (
                        <Link
                          to={`/analytics/sessions?${cell.sessions_query}`}
                          aria-label={`${row} × ${coverage.cols_by === "outcome" ? outcomeLabel(col).toLowerCase() : col}: ${n} ${n === 1 ? "session" : "sessions"}`}
                          className={cn(
                            "block rounded px-3 py-1.5 font-semibold tabular-nums hover:ring-2 hover:ring-indigo-400 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
                            cellClasses(n, max),
                          )}
                          data-testid="heat-cell"
                        >
                          {formatCount(n)}
                        </Link>
                      ) : (
                        <span className="block px-3 py-1.5 text-slate-300 tabular-nums">0</span>
                      )}
                    </td>
                  );
                })}
                <td className="px-3 py-1.5 text-right font-medium text-slate-700 tabular-nums">{formatCount(total)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t border-slate-200 bg-slate-50">
          <tr>
            <th scope="row" className="px-3 py-1.5 text-left text-xs font-medium text-slate-500 uppercase">
              Total
            </th>
            {colTotals.map((n, i) => (
              <td key={coverage.cols[i]} className="px-3 py-1.5 text-right font-medium text-slate-700 tabular-nums">
                {formatCount(n)}
              </td>
            ))}
            <td className="px-3 py-1.5 text-right font-semibold text-slate-900 tabular-nums">{formatCount(coverage.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
