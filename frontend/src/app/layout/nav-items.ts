/** The sidebar's items, and which roles see them. Routes use the same minimum roles. */
import { hasRole, type Role } from "@/lib/roles";

export type NavGroup = "main" | "maintenance" | "admin" | "you";

export interface NavItem {
  to: string;
  label: string;
  minRole: Role;
  group: NavGroup;
  /** A count shown beside the label (see sidebar.tsx). */
  badge?: "proposals";
  /** Shown only when this is available (the sidebar asks; see `NavNeed`). */
  needs?: NavNeed;
}

/** What an item may need beyond a role: "psa-tickets", a PSA whose tickets the app can work. */
export type NavNeed = "psa-tickets";
const EVERYTHING: ReadonlySet<NavNeed> = new Set<NavNeed>(["psa-tickets"]);

export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "Home", minRole: "viewer", group: "main" },
  { to: "/sessions", label: "Sessions", minRole: "viewer", group: "main" },
  { to: "/tickets", label: "Tickets", minRole: "engineer", group: "main", needs: "psa-tickets" },
  { to: "/flows", label: "Flows", minRole: "viewer", group: "main" },
  { to: "/assist", label: "ResolutionAssist", minRole: "engineer", group: "main" },
  { to: "/handoffs", label: "Escalations", minRole: "engineer", group: "main" },
  { to: "/analytics", label: "Analytics", minRole: "engineer", group: "main" },
  { to: "/knowledge", label: "Knowledge", minRole: "viewer", group: "main" },
  { to: "/steps", label: "Step library", minRole: "viewer", group: "main" },
  { to: "/scripts", label: "Scripts", minRole: "viewer", group: "main" },
  { to: "/proposals", label: "Review queue", minRole: "viewer", group: "main", badge: "proposals" },
  { to: "/gaps", label: "Coverage gaps", minRole: "viewer", group: "main" },
  { to: "/teams", label: "Teams", minRole: "viewer", group: "main" },
  { to: "/maintenance", label: "Schedules", minRole: "viewer", group: "maintenance" },
  { to: "/maintenance/batches", label: "Batches", minRole: "viewer", group: "maintenance" },
  { to: "/maintenance/target-lists", label: "Target lists", minRole: "viewer", group: "maintenance" },
  { to: "/admin/people", label: "People", minRole: "team_admin", group: "admin" },
  { to: "/admin/audit", label: "Audit log", minRole: "team_admin", group: "admin" },
  { to: "/admin/jobs", label: "Jobs", minRole: "team_admin", group: "admin" },
  { to: "/admin/account", label: "Account settings", minRole: "team_admin", group: "admin" },
  { to: "/admin/ai", label: "AI settings", minRole: "team_admin", group: "admin" },
  { to: "/settings/psa", label: "PSA integration", minRole: "team_admin", group: "admin" },
  { to: "/accounts", label: "Accounts", minRole: "super_admin", group: "admin" },
  { to: "/profile", label: "Profile", minRole: "viewer", group: "you" },
  { to: "/tokens", label: "API tokens", minRole: "viewer", group: "you" },
];

export const NAV_GROUP_LABELS: Record<NavGroup, string | null> = {
  main: null,
  maintenance: "Maintenance",
  admin: "Administration",
  you: "You",
};

/** Items this role may see (given what is available), in their original order. Unknown roles see nothing. */
export function navItemsFor(
  role: string | null | undefined,
  items: readonly NavItem[] = NAV_ITEMS,
  available: ReadonlySet<NavNeed> = EVERYTHING,
): NavItem[] {
  return items.filter((item) => hasRole(role, item.minRole) && (!item.needs || available.has(item.needs)));
}

/** Items grouped for rendering; groups with nothing visible are dropped. */
export function groupedNavFor(
  role: string | null | undefined,
  items: readonly NavItem[] = NAV_ITEMS,
  available: ReadonlySet<NavNeed> = EVERYTHING,
): { group: NavGroup; label: string | null; items: NavItem[] }[] {
  const visible = navItemsFor(role, items, available);
  return (Object.keys(NAV_GROUP_LABELS) as NavGroup[])
    .map((group) => ({ group, label: NAV_GROUP_LABELS[group], items: visible.filter((i) => i.group === group) }))
    .filter((g) => g.items.length > 0);
}
