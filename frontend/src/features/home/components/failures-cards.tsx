/** Home, team admins: PSA pushes that failed for good, and background jobs that failed or died. */
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { formatTimeSince } from "@/lib/format";
import type { HomeJobs, HomePushes } from "../api/get-home";
import { CardEmpty, HomeCard, linkClass, MoreFooter } from "./home-card";

const FAILED_PUSHES = "/settings/psa?tab=activity&state=failed";

export function FailedPushesCard({ pushes }: { pushes: HomePushes }) {
  return (
    <HomeCard title="Failed PSA pushes" count={pushes.total} to={FAILED_PUSHES} toLabel="PSA activity" testId="home-failed-pushes">
      {pushes.items.length === 0 ? (
        <CardEmpty>No failed PSA pushes: every note reached its ticket.</CardEmpty>
      ) : (
        <ul className="space-y-2">
          {pushes.items.map((p) => (
            <li key={p.id} className="text-sm" data-testid="home-failed-push">
              <Link to={`/sessions/${p.session_id}`} className={`${linkClass} font-medium`}>
                {p.session_title ?? "Session"}
              </Link>
              <span className="block truncate text-xs text-slate-500">
                Ticket #{p.ticket_id} · {p.last_error || "failed"} · {formatTimeSince(p.created_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreFooter shown={pushes.items.length} total={pushes.total} to={FAILED_PUSHES} label="See them all" />
    </HomeCard>
  );
}

export function FailedJobsCard({ jobs }: { jobs: HomeJobs }) {
  return (
    <HomeCard title="Failed jobs" count={jobs.total} to="/admin/jobs" toLabel="Jobs" testId="home-failed-jobs">
      {jobs.items.length === 0 ? (
        <CardEmpty>No failed jobs: background work is running normally.</CardEmpty>
      ) : (
        <ul className="space-y-2">
          {jobs.items.map((j) => (
            <li key={j.id} className="text-sm" data-testid="home-failed-job">
              <span className="flex items-baseline gap-2">
                <Badge tone={j.state === "dead" ? "red" : "amber"}>{j.state === "dead" ? "Dead" : "Retrying"}</Badge>
                <span className="min-w-0 truncate font-medium text-slate-900">
                  {j.title}
                  {j.description ? `: ${j.description}` : ""}
                </span>
              </span>
              <span className="block truncate text-xs text-slate-500">
                {j.last_error || "No error recorded"} · {formatTimeSince(j.updated_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreFooter shown={jobs.items.length} total={jobs.total} to="/admin/jobs" label="Open Jobs" />
    </HomeCard>
  );
}
