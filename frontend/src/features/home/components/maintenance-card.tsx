/** Home, engineers: maintenance due today (schedule slots) and running batches assigned to you. */
import { useId } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/problem";
import { useMyRunningBatches, useTodaysSlots } from "../api/maintenance-summary";

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

const time = (iso: string) => new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

export function MaintenanceCard({ now = new Date() }: { now?: Date }) {
  const titleId = useId();
  const batches = useMyRunningBatches(true);
  const slots = useTodaysSlots(true);
  const today = (slots.data?.items ?? []).filter((s) => sameDay(new Date(s.at), now));
  const mine = batches.data?.items ?? [];
  const nothing = batches.isSuccess && slots.isSuccess && mine.length === 0 && today.length === 0;

  return (
    <section aria-labelledby={titleId} className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="home-maintenance">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Maintenance
        </h2>
        <Link to="/maintenance/batches" className="text-sm text-indigo-600 hover:underline">
          Open maintenance
        </Link>
      </div>
      {nothing ? (
        <p className="mt-2 text-sm text-slate-500">Nothing due today and no batch waiting for you.</p>
      ) : (
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="text-xs font-medium text-slate-500 uppercase">Assigned to you</h3>
            {batches.isPending ? (
              <p className="mt-1 text-sm text-slate-400">Loading…</p>
            ) : batches.isError ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                Couldn't load your batches: {errorMessage(batches.error)}{" "}
                <Button size="sm" variant="ghost" onClick={() => void batches.refetch()}>
                  Try again
                </Button>
              </p>
            ) : mine.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">No running batch has a target for you.</p>
            ) : (
              <ul className="mt-1 space-y-1" data-testid="home-my-batches">
                {mine.map((b) => {
                  const left = b.counts.pending + b.counts.in_progress;
                  return (
                    <li key={b.id} className="text-sm">
                      <Link to={`/maintenance/batches/${b.id}`} className="font-medium text-indigo-700 hover:underline">
                        {b.title}
                      </Link>
                      <span className="text-slate-500 tabular-nums">
                        {" "}
                        · {left} of {b.counts.total} to do
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          <div>
            <h3 className="text-xs font-medium text-slate-500 uppercase">Due today</h3>
            {slots.isPending ? (
              <p className="mt-1 text-sm text-slate-400">Loading…</p>
            ) : slots.isError ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                Couldn't load today's schedule: {errorMessage(slots.error)}
              </p>
            ) : today.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">No scheduled maintenance today.</p>
            ) : (
              <ul className="mt-1 space-y-1" data-testid="home-due-today">
                {today.map((s) => (
                  <li key={`${s.schedule_id}-${s.at}`} className="flex gap-2 text-sm">
                    <time dateTime={s.at} className="text-slate-500 tabular-nums">
                      {time(s.at)}
                    </time>
                    <span className="text-slate-800">{s.title}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
