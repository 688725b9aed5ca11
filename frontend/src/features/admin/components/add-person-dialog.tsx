/**
 * "Add person": either send an invite (email, name, role) or create the person directly with a
 * password. After an invite, shows the link to copy when it could not be emailed.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField, SelectField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { useToast } from "@/components/ui/toast";
import { newPasswordError, PASSWORD_HINT } from "@/lib/password";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import type { Role } from "@/lib/roles";
import { type CreatedUser, useCreateUser } from "../api/create-user";
import { InviteLinkNotice } from "./invite-link-notice";
import { RoleOptions } from "./role-options";

type Mode = "invite" | "password";
const MODES = [
  { value: "invite", label: "Send invite", description: "They choose their own password from a link." },
  { value: "password", label: "Set a password", description: "You choose it now and tell them." },
] as const;
const FIELDS = ["email", "name", "role", "password"] as const;

export function AddPersonDialog({ open, onClose, actorRole }: { open: boolean; onClose: () => void; actorRole: string }) {
  const [done, setDone] = useState<CreatedUser | null>(null);

  function close() {
    setDone(null);
    onClose();
  }

  if (done?.invite) {
    return (
      <Dialog open={open} onClose={close} title="Invite created" footer={<Button onClick={close}>Done</Button>}>
        <InviteLinkNotice email={done.email} invite={done.invite} />
      </Dialog>
    );
  }
  return <AddPersonForm open={open} onClose={close} onInvited={setDone} actorRole={actorRole} />;
}

function AddPersonForm({
  open,
  onClose,
  onInvited,
  actorRole,
}: {
  open: boolean;
  onClose: () => void;
  onInvited: (u: CreatedUser) => void;
  actorRole: string;
}) {
  const create = useCreateUser();
  const toast = useToast();
  const [mode, setMode] = useState<Mode>("invite");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("engineer");
  const [password, setPassword] = useState("");
  const [submitted, setSubmitted] = useState(false);

  function close() {
    create.reset();
    setMode("invite");
    setEmail("");
    setName("");
    setRole("engineer");
    setPassword("");
    setSubmitted(false);
    onClose();
  }

  const local = {
    email: !email.trim() ? "Enter an email address." : !email.includes("@") ? "That doesn't look like an email address." : undefined,
    name: !name.trim() ? "Enter the person's name." : undefined,
    password: mode === "password" ? newPasswordError(password) : undefined,
  };
  const problem = create.error ? toProblem(create.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const show = (k: keyof typeof local) => (submitted ? local[k] : undefined) ?? server[k];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (local.email || local.name || local.password) return;
    const body = {
      email: email.trim(),
      name: name.trim(),
      role,
      ...(mode === "password" ? { password } : {}),
    };
    create.mutate(body, {
      onSuccess: (user) => {
        if (user.invite) {
          onInvited(user);
          create.reset();
        } else {
          toast.show(`${user.name} (${user.email}) can now sign in.`);
          close();
        }
      },
    });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add person"
      busy={create.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="add-person-form" loading={create.isPending}>
            {mode === "invite" ? "Send invite" : "Create"}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <RadioCards legend="How to add them" name="add-person-mode" options={MODES} value={mode} onChange={setMode} />
        <form id="add-person-form" onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={problem ? formMessage(problem, FIELDS) : null} />
          <InputField label="Email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={show("email")} />
          <InputField label="Name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={show("name")} />
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} error={server.role}>
            <RoleOptions actorRole={actorRole} />
          </SelectField>
          {mode === "password" && (
            <InputField
              label="Password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              hint={PASSWORD_HINT}
              error={show("password")}
            />
          )}
        </form>
      </div>
    </Dialog>
  );
}
