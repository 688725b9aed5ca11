import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { type Role, roleLabel } from "@/lib/roles";
import type { User } from "../api/list-users";
import { useUpdateUser } from "../api/update-user";
import { RoleOptions } from "./role-options";

export function ChangeRoleDialog({ user, actorRole, onClose }: { user: User; actorRole: string; onClose: () => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const update = useUpdateUser();
  const toast = useToast();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (role === user.role) return onClose();
    update.mutate(
      { id: user.id, body: { role } },
      {
        onSuccess: () => {
          toast.show(`${user.name} is now ${roleLabel(role)}.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Change role for ${user.name}`}
      size="sm"
      busy={update.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="change-role-form" loading={update.isPending}>
            Save role
          </Button>
        </>
      }
    >
      <form id="change-role-form" onSubmit={onSubmit} className="space-y-4">
        <FormError message={update.error ? errorMessage(update.error) : null} />
        <SelectField label="New role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <RoleOptions actorRole={actorRole} />
        </SelectField>
        <p className="text-xs text-slate-500">
          Viewers read; engineers run sessions; team admins manage people, teams and settings.
        </p>
      </form>
    </Dialog>
  );
}
