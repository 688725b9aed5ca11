import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { roleLabel } from "@/lib/roles";
import { useAddTeamMember } from "../api/add-team-member";
import { useUsers } from "../api/list-users";

export function AddMemberDialog({
  teamId,
  teamName,
  memberIds,
  onClose,
}: {
  teamId: string;
  teamName: string;
  memberIds: ReadonlySet<string>;
  onClose: () => void;
}) {
  const users = useUsers();
  const add = useAddTeamMember(teamId);
  const toast = useToast();
  const [userId, setUserId] = useState("");
  const candidates = (users.data?.items ?? []).filter((u) => u.is_active && !memberIds.has(u.id));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const user = candidates.find((u) => u.id === userId);
    if (!user) return;
    add.mutate(user.id, {
      onSuccess: () => {
        toast.show(`${user.name} added to ${teamName}.`);
        onClose();
      },
    });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Add a member to ${teamName}`}
      busy={add.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={add.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="add-member-form" loading={add.isPending} disabled={!userId}>
            Add member
          </Button>
        </>
      }
    >
      <form id="add-member-form" onSubmit={onSubmit} className="space-y-4">
        <FormError message={add.error ? errorMessage(add.error) : users.error ? errorMessage(users.error) : null} />
        {users.isPending ? (
          <Spinner label="Loading people" />
        ) : candidates.length === 0 && !users.isError ? (
          <p className="text-sm text-slate-500">Everyone active in your account is already in this team.</p>
        ) : (
          <SelectField label="Person" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose a person…</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} — {u.email} ({roleLabel(u.role)})
              </option>
            ))}
          </SelectField>
        )}
      </form>
    </Dialog>
  );
}
