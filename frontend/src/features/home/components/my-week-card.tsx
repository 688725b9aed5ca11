/** Home: your last 7 days — sessions started, how many are resolved, the rate and the median active time. */
import { Link } from "react-router";
import { formatDuration } from "@/lib/format";
import type { MyWeek } from "../api/get-home";
import { formatRate } from "../model/figures";
import { CardEmpty, HomeCard, linkClass } from "./home-card";

export function MyWeekCard({ week }: { week: MyWeek }) {
  const figures = [
    { label: "Sessions", value: String(week.sessions) },
    { label: "Resolved", value: String(week.resolved) },
    { label: "Resolution rate", value: formatRate(week.resolution_rate) },
    { label: "Median active time", value: formatDuration(week.median_active_seconds) },
  ];
  return (
    <HomeCard title="Your last 7 days" to="/sessions" toLabel="Your sessions" testId="home-my-week">
      {week.sessions === 0 ? (
        <CardEmpty>
          No sessions in the last 7 days — start one from{" "}
          <Link to="/flows" className={linkClass}>
            Flows
          </Link>
          .
        </CardEmpty>
      ) : (
        <dl className="grid grid-cols-2 gap-4">
          {figures.map((f) => (
            <div key={f.label}>
              <dt className="text-xs font-medium text-slate-500 uppercase">{f.label}</dt>
              <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </HomeCard>
  );
}
