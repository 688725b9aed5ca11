/** Home: unclaimed handoffs meant for you or your teams (and, for team admins, how many wait in the account). */
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { formatTimeSince, plural } from "@/lib/format";
import type { HomeHandoffs } from "../api/get-home";
import { CardEmpty, HomeCard, linkClass, MoreFooter } from "./home-card";

const PRIORITY_TONE = { urgent: "red", high: "amber", medium: "gray", low: "gray" } as const;

export function HandoffsCard({ handoffs }: { handoffs: HomeHandoffs }) {
  const waiting = handoffs.account_waiting;
  return (
    <HomeCard title="Handoffs waiting" count={handoffs.total} to="/handoffs" toLabel="All handoffs" testId="home-handoffs">
      {handoffs.items.length === 0 ? (
        <CardEmpty>Nothing is waiting for you or your teams. Escalations meant for you will show up here.</CardEmpty>
      ) : (
        <ul className="divide-y divide-slate-100">
          {handoffs.items.map((h) => (
            <li key={h.id} className="py-2 first:pt-0 last:pb-0" data-testid="home-handoff">
              <div className="flex items-baseline gap-2">
                {h.kind === "park" ? <Badge tone="gray">Parked</Badge> : <Badge tone={PRIORITY_TONE[h.priority]}>{h.priority}</Badge>}
                <Link to={`/handoffs/${h.id}`} className={`${linkClass} min-w-0 truncate text-sm font-medium`}>
                  {h.problem_summary || h.reason}
                </Link>
              </div>
              <p className="mt-0.5 text-xs text-slate-500">
                {h.kind === "park"
                  ? `Parked${h.escalated_by_name ? ` by ${h.escalated_by_name}` : ""}`
                  : h.escalated_by_name
                    ? `From ${h.escalated_by_name}`
                    : "Escalated"}{" "}
                · {formatTimeSince(h.escalated_at)}
                {h.target_name ? ` · for ${h.target_name}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <MoreFooter shown={handoffs.items.length} total={handoffs.total} to="/handoffs" label="See them all" />
      {waiting != null && (
        <p className="mt-3 text-xs text-slate-500" data-testid="home-account-waiting">
          {waiting === 0 ? "No handoff waits for pickup in the account." : `${plural(waiting, "handoff")} waiting for pickup in the account.`}
        </p>
      )}
    </HomeCard>
  );
}
