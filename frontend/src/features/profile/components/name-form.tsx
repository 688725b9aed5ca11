import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { CurrentUser } from "@/lib/current-user";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useUpdateMe } from "../api/update-me";

export function NameForm({ me }: { me: CurrentUser }) {
  const [name, setName] = useState(me.name);
  const update = useUpdateMe();
  const toast = useToast();
  const problem = update.error ? toProblem(update.error) : null;
  const trimmed = name.trim();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!trimmed) return;
    update.mutate({ name: trimmed }, { onSuccess: () => toast.show("Name saved.") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="name-form-title">
      <h2 id="name-form-title" className="text-sm font-semibold text-slate-900">
        Your details
      </h2>
      <FormError message={problem ? formMessage(problem, ["name"]) : null} />
      <InputField
        label="Name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={!trimmed ? "Your name can't be empty." : problem ? fieldErrors(problem).name : undefined}
      />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">Email</p>
        <p className="text-sm text-slate-600">{me.email}</p>
      </div>
      <Button type="submit" loading={update.isPending} disabled={!trimmed || trimmed === me.name}>
        Save name
      </Button>
    </form>
  );
}
