/**
 * The connection of one scope (the account default or a team): which PSA, its credentials (from
 * the provider's `fields`; secrets write-only), what happens by itself, and Save / Test / Remove.
 */
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/input";
import { type RadioCardOption, RadioCards } from "@/components/ui/radio-cards";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { errorMessage, fieldErrors, formMessage, toProblem } from "@/lib/problem";
import { useDeletePsaSettings } from "../api/delete-psa-settings";
import type { PsaSettings } from "../api/get-psa-settings";
import type { PsaScope } from "../api/keys";
import type { PsaProviderInfo, PsaProviderName } from "../api/list-psa-providers";
import { useSavePsaSettings } from "../api/save-psa-settings";
import { useTestPsaConnection } from "../api/test-psa-connection";
import { bodyFrom, draftFrom, hasLocalErrors, type PsaDraft, sameBody } from "../model/settings-form";
import { BehaviourSection } from "./behaviour-section";
import { CredentialFields } from "./credential-fields";
import { TestResultPanel } from "./test-result";

const BEHAVIOUR_FIELDS = [
  "provider",
  "push_on_resolve",
  "push_on_escalate",
  "resolve_note_type",
  "escalate_note_type",
  "time_entry_on_resolve",
  "status_on_resolve",
  "status_on_escalate",
] as const;

function capabilities(p: PsaProviderInfo): string {
  const can = ["notes", p.supports_time_entries && "time entries", p.supports_status && "ticket status"].filter(Boolean) as string[];
  return `Pushes ${can.length > 1 ? `${can.slice(0, -1).join(", ")} and ${can[can.length - 1]}` : can[0]}.`;
}

export function ConnectionForm({
  teamId,
  settings,
  fresh,
  providers,
  onCancel,
}: {
  teamId: PsaScope;
  settings: PsaSettings;
  /** A team getting its own connection: start from the account default's choices, with no saved secrets. */
  fresh: boolean;
  providers: readonly PsaProviderInfo[];
  /** Only for a fresh team connection: go back to inheriting. */
  onCancel?: () => void;
}) {
  const connectionTitle = useId();
  const saved = !fresh && settings.configured && !settings.inherited ? settings : null;
  const [draft, setDraft] = useState<PsaDraft>(() => draftFrom(settings));
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useSavePsaSettings(teamId);
  const test = useTestPsaConnection(teamId);
  const remove = useDeletePsaSettings(teamId);
  const toast = useToast();

  const provider = providers.find((p) => p.name === draft.provider);
  const savedProvider = saved ? providers.find((p) => p.name === saved.provider) : undefined;
  const body = provider ? bodyFrom(draft, provider) : null;
  const dirty = !saved || !savedProvider || !body || !sameBody(body, bodyFrom(draftFrom(saved), savedProvider));
  const localErrors = hasLocalErrors(draft, provider);
  const shownFields = [...(provider?.fields.map((f) => f.name) ?? []), ...BEHAVIOUR_FIELDS];

  const saveProblem = save.error ? toProblem(save.error) : null;
  const testProblem = test.error ? toProblem(test.error) : null;
  const errors = { ...(testProblem ? fieldErrors(testProblem) : {}), ...(saveProblem ? fieldErrors(saveProblem) : {}) };

  function update(patch: Partial<PsaDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    if (save.isError) save.reset();
    if (test.isError) test.reset();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!body || localErrors || !dirty) return;
    save.mutate(body, {
      onSuccess: (next) => {
        // Typed secrets leave the page once they are saved.
        setDraft(draftFrom(next));
        toast.show("PSA settings saved.");
      },
    });
  }

  function runTest() {
    if (!body) return;
    // Unsaved changes are tested as typed (without saving); otherwise the saved settings, which records the result.
    test.mutate(dirty ? body : null);
  }

  function onRemove() {
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirmRemove(false);
        toast.show(teamId ? "The team's PSA connection was removed." : "PSA connection removed.");
      },
    });
  }

  const options: RadioCardOption<PsaProviderName>[] = providers.map((p) => ({ value: p.name, label: p.label, description: capabilities(p) }));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="PSA settings">
      <FormError message={saveProblem ? formMessage(saveProblem, shownFields) : null} />

      <section aria-labelledby={connectionTitle} className="space-y-4">
        <div className="space-y-0.5">
          <h2 id={connectionTitle} className="text-sm font-semibold text-slate-900">
            Connection
          </h2>
          <p className="text-xs text-slate-500">
            {fresh
              ? "This team's own connection. Its keys are separate from the account default's: enter them here."
              : "Keys are stored encrypted and never shown again after saving."}
          </p>
        </div>
        <RadioCards legend="PSA" name="psa-provider" options={options} value={draft.provider} onChange={(p) => update({ provider: p })} />
        {errors.provider && <p className="text-xs text-red-600">{errors.provider}</p>}

        {provider ? (
          <CredentialFields
            provider={provider}
            draft={draft}
            saved={saved}
            errors={errors}
            onChange={(name, value) => update({ values: { ...draft.values, [name]: value } })}
          />
        ) : (
          <p className="text-sm text-slate-500">Choose your PSA to enter its connection details.</p>
        )}

        <div className="space-y-2 border-t border-slate-100 pt-4">
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" loading={test.isPending} disabled={!body} onClick={runTest}>
              Test connection
            </Button>
            <span className="text-xs text-slate-500">
              {!body ? "Choose a PSA first." : dirty ? "Tests the form as typed, without saving it." : "Tests the saved settings."}
            </span>
          </div>
          <TestResultPanel pending={test.isPending} result={test.data} error={test.error} shownFields={shownFields} />
          {saved?.last_test_at && !test.data && !test.isPending && !test.isError && (
            <p className="text-xs text-slate-500" data-testid="psa-last-test" data-ok={saved.last_test_ok ?? undefined}>
              Last tested {formatDateTime(saved.last_test_at)}: {saved.last_test_ok ? "worked" : "failed"}
              {saved.last_test_message && <> — {saved.last_test_message}</>}
            </p>
          )}
        </div>
      </section>

      {provider && <BehaviourSection provider={provider} draft={draft} errors={errors} onChange={update} />}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" loading={save.isPending} disabled={!body || localErrors || !dirty}>
          {fresh ? "Save team connection" : "Save"}
        </Button>
        {fresh && onCancel && (
          <Button variant="ghost" disabled={save.isPending} onClick={onCancel}>
            Keep inheriting
          </Button>
        )}
        {saved && dirty && (
          <Button variant="ghost" disabled={save.isPending} onClick={() => { setDraft(draftFrom(saved)); save.reset(); test.reset(); }}>
            Discard changes
          </Button>
        )}
        <span className="text-xs text-slate-500" data-testid="psa-settings-status">
          {saved && dirty ? "Unsaved changes" : ""}
        </span>
        {saved && (
          <Button variant="ghost" className="ml-auto text-red-700" onClick={() => setConfirmRemove(true)}>
            Remove connection
          </Button>
        )}
      </div>

      <ConfirmDialog
        open={confirmRemove}
        title="Remove the PSA connection?"
        confirmLabel="Remove"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={onRemove}
        onClose={() => {
          setConfirmRemove(false);
          remove.reset();
        }}
      >
        <p>
          {teamId
            ? "The team goes back to the account default connection (if there is one). Its saved keys are deleted."
            : "Nothing more is pushed for teams that use the account default, and the saved keys are deleted. Teams with their own connection keep it."}
        </p>
      </ConfirmDialog>
    </form>
  );
}
