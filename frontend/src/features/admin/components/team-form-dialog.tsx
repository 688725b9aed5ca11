import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField, TextareaField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useCreateTeam } from "../api/create-team";
import type { Team } from "../api/list-teams";
import { useUpdateTeam } from "../api/update-team";

/** Create a team, or edit one when `team` is given. */
export function TeamFormDialog({
  team,
  onClose,
}: {
  team?: Pick<Team, "id" | "name" | "description">;
  onClose: () => void;
}) {
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const mutation = team ? update : create;
  const toast = useToast();
  const [name, setName] = useState(team?.name ?? "");
  const [description, setDescription] = useState(team?.description ?? "");
  const [submitted, setSubmitted] = useState(false);

  const problem = mutation.error ? toProblem(mutation.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const nameError = (submitted && !name.trim() ? "Give the team a name." : undefined) ?? server.name;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    const body = { name: name.trim(), description: description.trim() };
    const done = () => {
      toast.show(team ? "Team saved." : `Team “${body.name}” created.`);
      onClose();
    };
    if (team) update.mutate({ id: team.id, body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={team ? `Edit ${team.name}` : "New team"}
      busy={mutation.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="team-form" loading={mutation.isPending}>
            {team ? "Save team" : "Create team"}
          </Button>
        </>
      }
    >
      <form id="team-form" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={problem ? formMessage(problem, ["name", "description"]) : null} />
        <InputField label="Team name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} placeholder="e.g. Service desk" />
        <TextareaField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={server.description}
          hint="Optional. What this team looks after."
        />
      </form>
    </Dialog>
  );
}
