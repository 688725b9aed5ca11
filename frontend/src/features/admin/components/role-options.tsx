import { ROLES, roleLabel, type Role } from "@/lib/roles";

/** Roles an admin may hand out: only a super admin can make another super admin. */
export function assignableRoles(actorRole: string): Role[] {
  return ROLES.filter((r) => r !== "super_admin" || actorRole === "super_admin");
}

export function RoleOptions({ actorRole }: { actorRole: string }) {
  return (
    <>
      {assignableRoles(actorRole).map((r) => (
        <option key={r} value={r}>
          {roleLabel(r)}
        </option>
      ))}
    </>
  );
}
