/** Home, team admins: open proposals from the knowledge flywheel and open "this step is wrong" flags. */
import { Link } from "react-router";
import { formatTimeSince, plural } from "@/lib/format";
import type { HomeFlags, HomeProposals } from "../api/get-home";
import { CardEmpty, HomeCard, linkClass, MoreFooter } from "./home-card";

const KIND = { new_flow: "New flow", enhancement: "Enhancement", branch_addition: "New branch" } as const;

export function ProposalsCard({ proposals }: { proposals: HomeProposals }) {
  return (
    <HomeCard title="Proposals to review" count={proposals.total} to="/proposals" toLabel="Review queue" testId="home-proposals">
      {proposals.items.length === 0 ? (
        <CardEmpty>No proposals waiting. The flywheel proposes flows from resolved sessions every 15 minutes.</CardEmpty>
      ) : (
        <ul className="space-y-2">
          {proposals.items.map((p) => (
            <li key={p.id} className="text-sm" data-testid="home-proposal">
              <Link to={`/proposals/${p.id}`} className={`${linkClass} font-medium`}>
                {p.title}
              </Link>
              <span className="block text-xs text-slate-500">
                {KIND[p.kind]} · {Math.round(p.confidence * 100)}% confident · {plural(p.evidence_count, "session")} · {formatTimeSince(p.updated_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreFooter shown={proposals.items.length} total={proposals.total} to="/proposals" label="Open the review queue" />
    </HomeCard>
  );
}

export function StepFlagsCard({ flags }: { flags: HomeFlags }) {
  return (
    <HomeCard title="Step flags" count={flags.total} to="/proposals" toLabel="Review queue" testId="home-step-flags">
      {flags.items.length === 0 ? (
        <CardEmpty>No open step flags. Engineers flag a library step when it is wrong.</CardEmpty>
      ) : (
        <ul className="space-y-2">
          {flags.items.map((f) => (
            <li key={f.id} className="text-sm" data-testid="home-step-flag">
              <Link to={`/steps/${f.step_id}`} className={`${linkClass} font-medium`}>
                {f.step_title}
              </Link>
              <span className="block truncate text-xs text-slate-500">
                “{f.reason}”{f.reporter_name ? ` — ${f.reporter_name}` : ""} · {formatTimeSince(f.created_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreFooter shown={flags.items.length} total={flags.total} to="/proposals" label="Open the review queue" />
    </HomeCard>
  );
}
