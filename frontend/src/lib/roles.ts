/** Roles and their order: viewer < engineer < team_admin < super_admin. */
export const ROLES = ["viewer", "engineer", "team_admin", "super_admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, engineer: 1, team_admin: 2, super_admin: 3 };

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  engineer: "Engineer",
  team_admin: "Team admin",
  super_admin: "Super admin",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `minimum`. Unknown roles get nothing. */
export function hasRole(role: string | null | undefined, minimum: Role): boolean {
  if (!isRole(role)) return false;
  return RANK[role] >= RANK[minimum];
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}
