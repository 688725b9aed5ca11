/** Home: running batches with work for you (your targets or your team's pool) and the next slots of your schedules. */
import { Link } from "react-router";
import { formatDateTime, plural } from "@/lib/format";
import type { HomeMaintenance } from "../api/get-home";
import { CardEmpty, HomeCard, linkClass } from "./home-card";

function todo(assigned: number, pool: number): string {
  const parts = [];
  if (assigned) parts.push(`${assigned} of yours to do`);
  if (pool) parts.push(`${pool} open in your team's pool`);
  return parts.join(" · ");
}

export function MaintenanceCard({ maintenance }: { maintenance: HomeMaintenance }) {
  const { batches, upcoming } = maintenance;
  const nothing = batches.length === 0 && upcoming.length === 0;
  return (
    <HomeCard title="Maintenance" count={maintenance.batches_total} to="/maintenance/batches" toLabel="All batches" testId="home-maintenance">
      {nothing ? (
        <CardEmpty>
          Nothing due: no running batch has work for you, and none of your schedules runs in the next {maintenance.upcoming_days} days.
        </CardEmpty>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="text-xs font-medium text-slate-500 uppercase">Batches for you</h3>
            {batches.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">No running batch has work for you.</p>
            ) : (
              <ul className="mt-1 space-y-1.5" data-testid="home-my-batches">
                {batches.map((b) => (
                  <li key={b.id} className="text-sm">
                    <Link to={`/maintenance/batches/${b.id}`} className={`${linkClass} font-medium`}>
                      {b.title}
                    </Link>
                    <span className="block text-xs text-slate-500 tabular-nums">
                      {todo(b.assigned_to_you, b.open_in_pool)} · {plural(b.total, "target")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {maintenance.batches_total > batches.length && (
              <p className="mt-1 text-xs text-slate-500">and {maintenance.batches_total - batches.length} more</p>
            )}
          </div>
          <div>
            <h3 className="text-xs font-medium text-slate-500 uppercase">Next {maintenance.upcoming_days} days</h3>
            {upcoming.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">None of your schedules runs.</p>
            ) : (
              <ul className="mt-1 space-y-1" data-testid="home-upcoming">
                {upcoming.map((s) => (
                  <li key={`${s.schedule_id}-${s.at}`} className="flex gap-2 text-sm">
                    <time dateTime={s.at} className="shrink-0 text-slate-500 tabular-nums">
                      {formatDateTime(s.at)}
                    </time>
                    <span className="min-w-0 truncate text-slate-800">{s.title}</span>
                  </li>
                ))}
              </ul>
            )}
            {upcoming.length > 0 && (
              <p className="mt-1 text-xs text-slate-500">
                {maintenance.upcoming_total > upcoming.length && <>and {maintenance.upcoming_total - upcoming.length} more · </>}
                <Link to="/maintenance" className={linkClass}>
                  Schedules
                </Link>
              </p>
            )}
          </div>
        </div>
      )}
    </HomeCard>
  );
}
