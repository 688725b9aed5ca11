/** Home, viewers: the account's most recently published flows, to read. */
import { Link } from "react-router";
import { formatDate } from "@/lib/format";
import type { HomeFlows } from "../api/get-home";
import { CardEmpty, HomeCard, linkClass, MoreFooter } from "./home-card";

export function FlowsCard({ flows }: { flows: HomeFlows }) {
  return (
    <HomeCard title="Recently published flows" count={flows.total} to="/flows" toLabel="Flow library" testId="home-flows" className="md:col-span-2">
      {flows.items.length === 0 ? (
        <CardEmpty>No published flows yet. Flows appear here once a team admin publishes them.</CardEmpty>
      ) : (
        <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {flows.items.map((f) => (
            <li key={f.id} className="text-sm" data-testid="home-flow">
              <Link to={`/flows/${f.id}`} className={`${linkClass} font-medium`}>
                {f.title}
              </Link>
              <span className="block text-xs text-slate-500">
                {f.category || "Uncategorised"} · version {f.version} · {formatDate(f.published_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreFooter shown={flows.items.length} total={flows.total} to="/flows" label="Browse the library" />
    </HomeCard>
  );
}
