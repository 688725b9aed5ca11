/** Home, team admins: the last 7 days against the 7 before, for the whole account and each team. */
import { Link } from "react-router";
import { formatDuration } from "@/lib/format";
import { cn } from "@/lib/cn";
import type { HealthFigures, TeamHealth } from "../api/get-home";
import { type Change, countChange, durationChange, formatRate, rateChange } from "../model/figures";
import { HomeCard, linkClass } from "./home-card";

interface Column {
  label: string;
  value: (f: HealthFigures) => string;
  change: (now: HealthFigures, before: HealthFigures) => Change;
  /** Whether a rise is good news (green) or bad (red). */
  upIsGood: boolean;
}

const COLUMNS: Column[] = [
  { label: "Sessions", value: (f) => String(f.sessions), change: (a, b) => countChange(a.sessions, b.sessions), upIsGood: true },
  { label: "Resolved", value: (f) => String(f.resolved), change: (a, b) => countChange(a.resolved, b.resolved), upIsGood: true },
  {
    label: "Resolution rate",
    value: (f) => formatRate(f.resolution_rate),
    change: (a, b) => rateChange(a.resolution_rate, b.resolution_rate),
    upIsGood: true,
  },
  {
    label: "Median time",
    value: (f) => formatDuration(f.median_active_seconds),
    change: (a, b) => durationChange(a.median_active_seconds, b.median_active_seconds),
    upIsGood: false,
  },
  { label: "Escalations", value: (f) => String(f.escalations), change: (a, b) => countChange(a.escalations, b.escalations), upIsGood: false },
];

function tone(change: Change, upIsGood: boolean): string {
  if (change.trend === "none" || change.trend === "same") return "text-slate-500";
  return (change.trend === "up") === upIsGood ? "text-emerald-700" : "text-red-700";
}

export function TeamHealthCard({ health }: { health: TeamHealth }) {
  const shownTeams = health.rows.length - 1;
  return (
    <HomeCard title="Team health" testId="home-team-health" className="md:col-span-2">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">The last 7 days, with the change against the 7 days before</caption>
          <thead>
            <tr className="text-left text-xs font-medium text-slate-500 uppercase">
              <th scope="col" className="py-1 pr-3 font-medium">
                Last 7 days
              </th>
              {COLUMNS.map((c) => (
                <th key={c.label} scope="col" className="px-3 py-1 text-right font-medium">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {health.rows.map((row) => (
              <tr key={row.team_id ?? "account"} data-testid="home-health-row">
                <th scope="row" className={cn("py-2 pr-3 text-left font-medium", row.scope === "account" ? "text-slate-900" : "text-slate-700")}>
                  {row.name}
                </th>
                {COLUMNS.map((c) => {
                  const change = c.change(row.this_week, row.last_week);
                  return (
                    <td key={c.label} className="px-3 py-2 text-right tabular-nums">
                      <span className="font-medium text-slate-900">{c.value(row.this_week)}</span>
                      <span className={cn("block text-xs", tone(change, c.upIsGood))}>
                        {change.text ? `${change.text} vs ${c.value(row.last_week)}` : `was ${c.value(row.last_week)}`}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {health.teams_total === 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          No teams yet, so these are the whole account's figures. Group people on the{" "}
          <Link to="/teams" className={linkClass}>
            Teams
          </Link>{" "}
          page to see each team's.
        </p>
      ) : (
        health.teams_total > shownTeams && (
          <p className="mt-2 text-xs text-slate-500">
            Showing {shownTeams} of {health.teams_total} teams.
          </p>
        )
      )}
    </HomeCard>
  );
}
