import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { formatDate, plural } from "@/lib/format";
import { errorMessage, fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { type Account, useAccount } from "../api/get-account";
import { useUpdateAccount } from "../api/update-account";
import { BrandingSection } from "./branding-section";
import { EscalationChannelsSection } from "./escalation-channels-section";
import { NoteTemplateSection } from "./note-template-section";
import { RedactionSection } from "./redaction-section";
import { SecuritySection } from "./security-section";
import { SsoSection } from "./sso-section";

export function AccountSettingsPage() {
  const account = useAccount();

  if (account.isPending) return <LoadingBlock label="Loading account" />;
  if (account.isError) {
    return (
      <div>
        <PageHeader title="Account settings" />
        <ErrorState error={account.error} onRetry={() => void account.refetch()} />
      </div>
    );
  }

  const a = account.data;
  return (
    <div>
      <PageHeader
        title="Account settings"
        description={`${plural(a.user_count, "person", "people")} · created ${formatDate(a.created_at)}`}
      />
      <div className="grid max-w-3xl gap-6 md:grid-cols-2">
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <AccountNameForm account={a} />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <PublishingSection account={a} />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200 md:col-span-2">
          <RedactionSection account={a} />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200 md:col-span-2">
          <SecuritySection />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200 md:col-span-2">
          <SsoSection />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200 md:col-span-2">
          <EscalationChannelsSection />
        </div>
        <div className="rounded-lg bg-white p-5 ring-1 ring-slate-200 md:col-span-2">
          <BrandingSection />
        </div>
      </div>
      <div className="mt-6 max-w-6xl rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <NoteTemplateSection />
      </div>
    </div>
  );
}

function AccountNameForm({ account }: { account: Account }) {
  const [name, setName] = useState(account.name);
  const update = useUpdateAccount();
  const toast = useToast();
  const problem = update.error ? toProblem(update.error) : null;
  const trimmed = name.trim();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!trimmed || trimmed === account.name) return;
    update.mutate({ name: trimmed }, { onSuccess: () => toast.show("Account name saved.") });
  }

  return (
    // Not aria-labelledby the heading: that would give a second element labelled "Account name".
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <h2 className="text-sm font-semibold text-slate-900">
        Account name
      </h2>
      <FormError message={problem ? formMessage(problem, ["name"]) : null} />
      <InputField
        label="Account name"
        autoComplete="organization"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (update.isError) update.reset();
        }}
        hint={`Shown in the header for everyone in the account. Slug: ${account.slug}`}
        error={!trimmed ? "The account name can't be empty." : problem ? fieldErrors(problem).name : undefined}
      />
      <Button type="submit" loading={update.isPending} disabled={!trimmed || trimmed === account.name}>
        Save name
      </Button>
    </form>
  );
}

function PublishingSection({ account }: { account: Account }) {
  const update = useUpdateAccount();
  const toast = useToast();
  const hintId = useId();
  // Optimistic: while the PATCH is in flight show the requested value; on error the mutation
  // settles and the box falls back to the saved value.
  const checked = update.isPending && update.variables.engineers_can_publish != null
    ? update.variables.engineers_can_publish
    : account.engineers_can_publish;

  function onChange(next: boolean) {
    update.mutate(
      { engineers_can_publish: next },
      {
        onSuccess: (saved) =>
          toast.show(saved.engineers_can_publish ? "Engineers can now publish flows." : "Only team admins can publish flows now."),
        onError: (error) => toast.show(`Couldn't change publishing: ${errorMessage(error)}`, "error"),
      },
    );
  }

  return (
    <section className="space-y-4" aria-labelledby="publishing-title">
      <h2 id="publishing-title" className="text-sm font-semibold text-slate-900">
        Publishing
      </h2>
      <div className="flex items-start gap-3">
        <input
          id={`${hintId}-input`}
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-300 accent-indigo-600"
          checked={checked}
          disabled={update.isPending}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <div className="space-y-0.5">
          <label htmlFor={`${hintId}-input`} className="block text-sm font-medium text-slate-700">
            Engineers can publish flows
          </label>
          <p id={hintId} className="text-xs text-slate-500">
            When off, only team admins publish; engineers edit drafts.
          </p>
        </div>
      </div>
    </section>
  );
}
