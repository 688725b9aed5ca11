import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField, SelectField } from "@/components/ui/input";
import { formatDate } from "@/lib/format";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useCreateToken } from "../api/create-token";

// Tokens always expire (the server refuses more than 365 days).
const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "365 days" },
];

export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [submitted, setSubmitted] = useState(false);

  function close() {
    create.reset();
    setName("");
    setExpiry("90");
    setSubmitted(false);
    onClose();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), expires_in_days: Number(expiry) });
  }

  const created = create.data;
  const problem = create.error ? toProblem(create.error) : null;
  const errors = problem ? fieldErrors(problem) : {};

  if (created) {
    return (
      <Dialog
        key="created"
        open={open}
        onClose={close}
        title="Token created"
        footer={<Button onClick={close}>Done</Button>}
      >
        <div className="space-y-4">
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200">
            You won't see this again. Copy the token now and keep it somewhere safe.
          </p>
          <CopyField label="Token" value={created.token} testId="new-token-secret" />
          <p className="text-sm text-slate-500">
            “{created.name}” {created.expires_at ? `expires ${formatDate(created.expires_at)}` : "never expires"}. Use it as{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create API token"
      description="A personal token acts as you, with your role, for scripts and integrations."
      busy={create.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" form="create-token-form" loading={create.isPending}>
            Create token
          </Button>
        </>
      }
    >
      <form id="create-token-form" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={problem ? formMessage(problem, ["name", "expires_in_days"]) : null} />
        <InputField
          label="Token name"
          placeholder="e.g. Backup script"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={(submitted && !name.trim() ? "Give the token a name you'll recognise." : undefined) ?? errors.name}
        />
        <SelectField label="Expires after" value={expiry} onChange={(e) => setExpiry(e.target.value)} error={errors.expires_in_days}>
          {EXPIRY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </form>
    </Dialog>
  );
}
