/** Home, team admin+: unclaimed escalations and the median time to pickup, linking to /handoffs. */
import { useId } from "react";
import { Link } from "react-router";
import { formatDuration } from "@/lib/format";
import { usePickupMedian, useUnclaimedCount } from "../api/escalations-summary";

export function EscalationsCard() {
  const titleId = useId();
  const unclaimed = useUnclaimedCount(true);
  const median = usePickupMedian(true);
  const count = unclaimed.data ? `${unclaimed.data.count}${unclaimed.data.more ? "+" : ""}` : unclaimed.isError ? "—" : "…";
  const pickup = median.isPending ? "…" : median.isError ? "—" : formatDuration(median.data);

  return (
    <section aria-labelledby={titleId} className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="home-escalations">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Escalations
        </h2>
        <Link to="/handoffs" className="text-sm text-indigo-600 hover:underline">
          Open escalations
        </Link>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-4">
        <div>
          <dt className="text-xs font-medium text-slate-500 uppercase">Waiting for pickup</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="home-unclaimed-count">
            {count}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500 uppercase">Median time to pickup</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="home-pickup-median">
            {pickup}
          </dd>
          <dd className="text-xs text-slate-500">{median.data == null && median.isSuccess ? "No pickups in the last 30 days" : "Last 30 days"}</dd>
        </div>
      </dl>
    </section>
  );
}
