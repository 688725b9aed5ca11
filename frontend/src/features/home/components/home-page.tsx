/**
 * Home: what needs you now, per role, from one read (GET /api/v1/home). Engineers see their open
 * sessions, handoffs waiting, maintenance due and their week; team admins also team health and
 * the account's queues; viewers the newest flows. Who you are stays a compact strip on top.
 */
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { type CurrentUser, useCurrentUser } from "@/lib/current-user";
import { hasRole, type Role, roleLabel } from "@/lib/roles";
import { type Home, useHome } from "../api/get-home";
import { FailedJobsCard, FailedPushesCard } from "./failures-cards";
import { FlowsCard } from "./flows-card";
import { HandoffsCard } from "./handoffs-card";
import { CardSkeleton, linkClass } from "./home-card";
import { MaintenanceCard } from "./maintenance-card";
import { MyWeekCard } from "./my-week-card";
import { ProposalsCard, StepFlagsCard } from "./review-cards";
import { SessionsCard } from "./sessions-card";
import { TeamHealthCard } from "./team-health-card";

interface QuickLink {
  to: string;
  title: string;
  minRole: Role;
}

const QUICK_LINKS: QuickLink[] = [
  { to: "/flows", title: "Flows", minRole: "viewer" },
  { to: "/sessions", title: "Sessions", minRole: "viewer" },
  { to: "/admin/people", title: "Add a person", minRole: "team_admin" },
  { to: "/teams", title: "Teams", minRole: "viewer" },
  { to: "/admin/audit", title: "Audit log", minRole: "team_admin" },
  { to: "/accounts", title: "Accounts", minRole: "super_admin" },
  { to: "/tokens", title: "API tokens", minRole: "viewer" },
  { to: "/profile", title: "Profile", minRole: "viewer" },
];

export function HomePage() {
  const { data: me } = useCurrentUser();
  const home = useHome(Boolean(me));
  if (!me) return null;
  const firstName = me.name.split(/\s+/)[0] || me.name;

  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${firstName}`} description="What needs you now." />
      <AboutYou me={me} />
      {home.isPending ? (
        <HomeSkeleton role={me.role} />
      ) : home.isError ? (
        <ErrorState error={home.error} onRetry={() => void home.refetch()} title="Couldn't load your Home" />
      ) : (
        <Sections home={home.data} />
      )}
      <nav aria-label="Quick links">
        <ul className="flex flex-wrap gap-2 text-sm">
          {QUICK_LINKS.filter((l) => hasRole(me.role, l.minRole)).map((l) => (
            <li key={l.to}>
              <Link to={l.to} className="inline-block rounded-md bg-white px-2.5 py-1 text-slate-700 ring-1 ring-slate-200 hover:ring-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-500">
                {l.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function AboutYou({ me }: { me: CurrentUser }) {
  return (
    <section aria-labelledby="you-title" className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg bg-white px-4 py-3 text-sm ring-1 ring-slate-200">
      <h2 id="you-title" className="sr-only">
        About you
      </h2>
      <p>
        <span className="font-medium text-slate-900">{me.name}</span> <span className="text-slate-500">{me.email}</span>
      </p>
      <p>
        <Badge tone="indigo">{roleLabel(me.role)}</Badge> <span className="text-slate-500">at</span>{" "}
        <span className="font-medium text-slate-900">{me.account_name}</span>
      </p>
      <div className="flex flex-wrap items-center gap-1.5" aria-label="Your teams" role="group">
        {me.teams.length === 0 ? (
          <span className="text-slate-500">
            Not in a team yet — a team admin adds people on the{" "}
            <Link to="/teams" className={linkClass}>
              Teams
            </Link>{" "}
            page.
          </span>
        ) : (
          me.teams.map((t) => (
            <Link key={t.id} to={`/teams/${t.id}`} className="rounded-md bg-slate-100 px-2 py-0.5 text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500">
              {t.name}
            </Link>
          ))
        )}
      </div>
    </section>
  );
}

function Sections({ home }: { home: Home }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {home.sessions && <SessionsCard sessions={home.sessions} />}
      {home.handoffs && <HandoffsCard handoffs={home.handoffs} />}
      {home.maintenance && <MaintenanceCard maintenance={home.maintenance} />}
      {home.my_week && <MyWeekCard week={home.my_week} />}
      {home.team_health && <TeamHealthCard health={home.team_health} />}
      {home.proposals && <ProposalsCard proposals={home.proposals} />}
      {home.step_flags && <StepFlagsCard flags={home.step_flags} />}
      {home.failed_pushes && <FailedPushesCard pushes={home.failed_pushes} />}
      {home.failed_jobs && <FailedJobsCard jobs={home.failed_jobs} />}
      {home.flows && <FlowsCard flows={home.flows} />}
    </div>
  );
}

/** Placeholders shaped like the cards the role will get. */
function HomeSkeleton({ role }: { role: string }) {
  const engineer = hasRole(role, "engineer");
  const admin = hasRole(role, "team_admin");
  return (
    <div role="status" aria-label="Loading your Home" className="grid gap-4 md:grid-cols-2">
      {!engineer && <CardSkeleton className="md:col-span-2" rows={4} />}
      {engineer && Array.from({ length: 4 }, (_, i) => <CardSkeleton key={`e${i}`} />)}
      {admin && <CardSkeleton className="md:col-span-2" rows={4} />}
      {admin && Array.from({ length: 4 }, (_, i) => <CardSkeleton key={`a${i}`} rows={2} />)}
    </div>
  );
}
