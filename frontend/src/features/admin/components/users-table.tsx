import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { roleLabel } from "@/lib/roles";
import type { User } from "../api/list-users";

const SELF_NOTE_ID = "self-actions-note";
const SUPER_NOTE_ID = "super-admin-actions-note";

function statusBadge(u: User) {
  if (!u.is_active || u.status === "deactivated") return <Badge>Deactivated</Badge>;
  if (u.status === "invited") return <Badge tone="amber">Invited</Badge>;
  return <Badge tone="green">Active</Badge>;
}

export function UsersTable({
  users,
  currentUserId,
  currentUserIsSuperAdmin,
  onChangeRole,
  onToggleActive,
  onSignOutEverywhere,
}: {
  users: User[];
  currentUserId: string;
  currentUserIsSuperAdmin: boolean;
  onChangeRole: (u: User) => void;
  onToggleActive: (u: User) => void;
  onSignOutEverywhere: (u: User) => void;
}) {
  const hasSelf = users.some((u) => u.id === currentUserId);
  // Only a super admin may change a super admin; the API refuses it for everyone else.
  const lockedSuper = (u: User) => u.role === "super_admin" && !currentUserIsSuperAdmin;
  const hasLockedSuper = users.some(lockedSuper);
  return (
    <>
      <Table label="People">
        <THead>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Teams</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {users.map((u) => {
            const self = u.id === currentUserId;
            const selfProps = self
              ? { disabled: true, "aria-describedby": SELF_NOTE_ID, title: "You can't change your own role or deactivate yourself." }
              : lockedSuper(u)
                ? { disabled: true, "aria-describedby": SUPER_NOTE_ID, title: "Only a super admin can change a super admin." }
                : {};
            return (
              <Tr key={u.id} className={u.is_active ? undefined : "text-slate-400"}>
                <Td className="font-medium text-slate-900">
                  {u.name}
                  {self && <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span>}
                </Td>
                <Td>{u.email}</Td>
                <Td>{roleLabel(u.role)}</Td>
                <Td className="max-w-48 truncate" title={u.teams.map((t) => t.name).join(", ")}>
                  {u.teams.length ? u.teams.map((t) => t.name).join(", ") : <span className="text-slate-400">—</span>}
                </Td>
                <Td>{statusBadge(u)}</Td>
                <Td>{formatDateTime(u.last_login_at, "never")}</Td>
                <Td className="text-right whitespace-nowrap">
                  <Button variant="ghost" size="sm" onClick={() => onChangeRole(u)} {...selfProps}>
                    Change role<span className="sr-only"> of {u.name}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onToggleActive(u)}
                    {...selfProps}
                  >
                    {u.is_active ? "Deactivate" : "Reactivate"}
                    <span className="sr-only"> {u.name}</span>
                  </Button>
                  {u.is_active && !self && !lockedSuper(u) && (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Sign ${u.name} out everywhere`}
                      onClick={() => onSignOutEverywhere(u)}
                    >
                      Sign out everywhere
                    </Button>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
      {hasSelf && (
        <p id={SELF_NOTE_ID} className="mt-2 text-xs text-slate-500">
          You can't change your own role or deactivate yourself — ask another team admin.
        </p>
      )}
      {hasLockedSuper && (
        <p id={SUPER_NOTE_ID} className="mt-1 text-xs text-slate-500">
          Only a super admin can change a super admin.
        </p>
      )}
    </>
  );
}
