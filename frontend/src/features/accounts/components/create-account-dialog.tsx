import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { newPasswordError } from "@/lib/password";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { type CreatedAccount, useCreateAccount } from "../api/create-account";

const FIELDS = ["name", "admin_email", "admin_name", "admin_password"] as const;

export function CreateAccountDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateAccount();
  const toast = useToast();
  const [name, setName] = useState("");
  const [adminEmail, setAdminEmail] = useState("");
  const [adminName, setAdminName] = useState("");
  const [adminPassword, setAdminPassword] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<{ account: CreatedAccount; email: string } | null>(null);

  const local = {
    name: !name.trim() ? "Enter the MSP's name." : undefined,
    admin_email: !adminEmail.includes("@") ? "Enter the first admin's email address." : undefined,
    admin_name: !adminName.trim() ? "Enter the first admin's name." : undefined,
    admin_password: adminPassword ? newPasswordError(adminPassword) : undefined,
  };
  const problem = create.error ? toProblem(create.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const show = (k: keyof typeof local) => (submitted ? local[k] : undefined) ?? server[k];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (Object.values(local).some(Boolean)) return;
    const email = adminEmail.trim();
    create.mutate(
      { name: name.trim(), admin_email: email, admin_name: adminName.trim(), admin_password: adminPassword || null },
      {
        onSuccess: (account) => {
          if (account.invite) setCreated({ account, email });
          else {
            toast.show(`Account “${account.name}” created. ${email} can sign in now.`);
            onClose();
          }
        },
      },
    );
  }

  if (created?.account.invite) {
    const invite = created.account.invite;
    return (
      <Dialog key="created" open onClose={onClose} title={`Account “${created.account.name}” created`} footer={<Button onClick={onClose}>Done</Button>}>
        {invite.invite_url ? (
          <div className="space-y-3">
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
              SMTP isn't configured — copy this link and send it to {created.email}.
            </p>
            <CopyField label="Invite link" value={invite.invite_url} testId="invite-url" />
          </div>
        ) : (
          <p role="status" className="text-sm text-slate-600">
            Invite emailed to {created.email}.
          </p>
        )}
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="New account"
      description="An account is one MSP. Its first person becomes its team admin."
      busy={create.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="create-account-form" loading={create.isPending}>
            Create account
          </Button>
        </>
      }
    >
      <form id="create-account-form" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={problem ? formMessage(problem, FIELDS) : null} />
        <InputField label="Account name" value={name} onChange={(e) => setName(e.target.value)} error={show("name")} />
        <InputField label="Admin email" type="email" autoComplete="off" value={adminEmail} onChange={(e) => setAdminEmail(e.target.value)} error={show("admin_email")} />
        <InputField label="Admin name" autoComplete="off" value={adminName} onChange={(e) => setAdminName(e.target.value)} error={show("admin_name")} />
        <InputField
          label="Admin password (optional)"
          type="password"
          autoComplete="new-password"
          value={adminPassword}
          onChange={(e) => setAdminPassword(e.target.value)}
          hint="Leave empty to send the admin an invite link instead. At least 12 characters."
          error={show("admin_password")}
        />
      </form>
    </Dialog>
  );
}
