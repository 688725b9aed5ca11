/** Home: who you are, where you belong, and shortcuts to what your role can do. */
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { useCurrentUser } from "@/lib/current-user";
import { formatDate } from "@/lib/format";
import { hasRole, type Role, roleLabel } from "@/lib/roles";
import { EscalationsCard } from "./escalations-card";
import { MaintenanceCard } from "./maintenance-card";

interface QuickLink {
  to: string;
  title: string;
  text: string;
  minRole: Role;
}

const QUICK_LINKS: QuickLink[] = [
  { to: "/admin/people", title: "Add a person", text: "Invite engineers or set their password.", minRole: "team_admin" },
  { to: "/teams", title: "Teams", text: "See who works together.", minRole: "viewer" },
  { to: "/admin/audit", title: "Audit log", text: "Sign-ins and admin changes.", minRole: "team_admin" },
  { to: "/accounts", title: "Accounts", text: "Every MSP on this installation.", minRole: "super_admin" },
  { to: "/tokens", title: "API tokens", text: "Personal tokens for scripts and the CLI.", minRole: "viewer" },
  { to: "/profile", title: "Profile", text: "Your name and password.", minRole: "viewer" },
];

export function HomePage() {
  const { data: me } = useCurrentUser();
  if (!me) return null;
  const firstName = me.name.split(/\s+/)[0] || me.name;
  const links = QUICK_LINKS.filter((l) => hasRole(me.role, l.minRole));

  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${firstName}`} description="Your place in ResolutionFlow at a glance." />

      <section aria-labelledby="you-title" className="grid gap-4 md:grid-cols-3">
        <h2 id="you-title" className="sr-only">
          About you
        </h2>
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <p className="text-xs font-medium text-slate-500 uppercase">Signed in as</p>
          <p className="mt-1 text-sm font-medium text-slate-900">{me.name}</p>
          <p className="text-sm text-slate-500">{me.email}</p>
        </div>
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <p className="text-xs font-medium text-slate-500 uppercase">Role</p>
          <p className="mt-1">
            <Badge tone="indigo">{roleLabel(me.role)}</Badge>
          </p>
          <p className="mt-1 text-sm text-slate-500">Member since {formatDate(me.created_at)}</p>
        </div>
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <p className="text-xs font-medium text-slate-500 uppercase">Account</p>
          <p className="mt-1 text-sm font-medium text-slate-900">{me.account_name}</p>
        </div>
      </section>

      {hasRole(me.role, "engineer") && <MaintenanceCard />}

      {hasRole(me.role, "team_admin") && <EscalationsCard />}

      <section aria-labelledby="teams-title" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <h2 id="teams-title" className="text-sm font-semibold text-slate-900">
          Your teams
        </h2>
        {me.teams.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">
            You're not in a team yet. A team admin can add you from the <Link to="/teams" className="text-indigo-600 hover:underline">Teams</Link> page.
          </p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            {me.teams.map((t) => (
              <li key={t.id}>
                <Link to={`/teams/${t.id}`} className="inline-block rounded-md bg-slate-100 px-2 py-1 text-sm text-slate-700 hover:bg-slate-200">
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="links-title">
        <h2 id="links-title" className="mb-2 text-sm font-semibold text-slate-900">
          Quick links
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to} className="block rounded-lg bg-white p-4 ring-1 ring-slate-200 hover:ring-indigo-300">
                <span className="block text-sm font-medium text-slate-900">{l.title}</span>
                <span className="mt-0.5 block text-sm text-slate-500">{l.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
