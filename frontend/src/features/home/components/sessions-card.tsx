/** Home: your active and paused sessions, each one click from resuming. */
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatDuration, formatTimeSince } from "@/lib/format";
import type { HomeSessions } from "../api/get-home";
import { CardEmpty, HomeCard, linkClass, MoreFooter } from "./home-card";

export function SessionsCard({ sessions }: { sessions: HomeSessions }) {
  return (
    <HomeCard title="Your sessions" count={sessions.total} to="/sessions" toLabel="All sessions" testId="home-sessions">
      {sessions.items.length === 0 ? (
        <CardEmpty>
          No open sessions — start one from{" "}
          <Link to="/flows" className={linkClass}>
            Flows
          </Link>
          .
        </CardEmpty>
      ) : (
        <ul className="divide-y divide-slate-100">
          {sessions.items.map((s) => (
            <li key={s.id} className="flex items-center justify-between gap-3 py-2 first:pt-0 last:pb-0" data-testid="home-session">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-900">{s.title}</p>
                <p className="text-xs text-slate-500">
                  <Badge tone={s.status === "paused" ? "amber" : "green"}>{s.status === "paused" ? "Paused" : "Active"}</Badge>{" "}
                  {s.flow_title ?? "Freeform"}
                  {s.ticket_id && <> · #{s.ticket_id}</>} · {formatDuration(s.active_seconds)} · {formatTimeSince(s.updated_at)}
                </p>
              </div>
              <Link to={`/sessions/${s.id}`} className={buttonClasses("secondary", "sm")} aria-label={`Resume ${s.title}`}>
                Resume
              </Link>
            </li>
          ))}
        </ul>
      )}
      <MoreFooter shown={sessions.items.length} total={sessions.total} to="/sessions" label="See all your sessions" />
    </HomeCard>
  );
}
