/**
 * The AI settings form: provider, connection (base URL, API key, models) and monthly budget.
 * Save sends only what changed; the API key is write-only (typed, kept, or removed — never shown).
 */
import { type FormEvent, useEffect, useState } from "react";
import { useBlocker } from "react-router";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, InputField } from "@/components/ui/input";
import { type RadioCardOption, RadioCards } from "@/components/ui/radio-cards";
import { useToast } from "@/components/ui/toast";
import { fieldErrors, formMessage, toProblem } from "@/lib/problem";
import type { AISettings } from "../api/get-ai-settings";
import { useSaveAISettings } from "../api/save-ai-settings";
import {
  changesBetween,
  draftFrom,
  modelPlaceholder,
  type ProviderChoice,
  providerLabel,
  resolvedProvider,
  type SettingsDraft,
  validateDraft,
} from "../model/settings-form";

const SHOWN_FIELDS = ["provider", "base_url", "api_key", "fast_model", "deep_model", "monthly_budget_usd"] as const;

function providerOptions(s: AISettings): RadioCardOption<ProviderChoice>[] {
  return [
    {
      value: "inherit",
      label: "Use installation default",
      description: `${s.installation.description}.`,
    },
    {
      value: "offline",
      label: "Offline engine",
      description: "The default. Answers from your flows, resolved sessions and knowledge documents; nothing leaves the server.",
    },
    { value: "anthropic", label: "Anthropic", description: "Claude models through the Anthropic API (needs an API key)." },
    {
      value: "openai",
      label: "OpenAI-compatible",
      description: "OpenAI, Azure OpenAI (v1), Ollama, vLLM, LM Studio — give the base URL for anything but OpenAI itself.",
    },
  ];
}

export function AISettingsForm({ settings }: { settings: AISettings }) {
  const [saved, setSaved] = useState<SettingsDraft>(() => draftFrom(settings));
  const [draft, setDraft] = useState<SettingsDraft>(saved);
  const save = useSaveAISettings();
  const toast = useToast();

  const changes = changesBetween(saved, draft);
  const dirty = Object.keys(changes).length > 0;
  const local = validateDraft(draft);
  const problem = save.error ? toProblem(save.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const errorFor = (field: (typeof SHOWN_FIELDS)[number]): string | undefined =>
    (local as Record<string, string | undefined>)[field] ?? server[field];

  const provider = resolvedProvider(draft);
  const remote = provider === "anthropic" || provider === "openai";
  const keySaved = settings.api_key_set;

  function update(patch: Partial<SettingsDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    if (save.isError) save.reset();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!dirty || Object.keys(local).length > 0) return;
    save.mutate(changes, {
      onSuccess: (next) => {
        const fresh = draftFrom(next);
        setSaved(fresh);
        setDraft(fresh);
        toast.show("AI settings saved.");
      },
    });
  }

  // Unsaved changes: ask before leaving the page (in-app navigation) or closing the tab.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="AI settings">
      <FormError message={problem ? formMessage(problem, SHOWN_FIELDS) : null} />

      <RadioCards legend="Provider" name="ai-provider" options={providerOptions(settings)} value={draft.provider} onChange={(p) => update({ provider: p })} />
      {errorFor("provider") && <p className="text-xs text-red-600">{errorFor("provider")}</p>}

      {remote && (
        <section aria-labelledby="ai-connection-title" className="space-y-4">
          <h2 id="ai-connection-title" className="text-sm font-semibold text-slate-900">
            {providerLabel(provider)} connection
          </h2>
          <InputField
            label="Base URL"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={provider === "openai" ? "https://api.openai.com/v1" : "https://api.anthropic.com"}
            value={draft.baseUrl}
            onChange={(e) => update({ baseUrl: e.target.value })}
            hint={`${
              provider === "openai"
                ? "Leave empty for OpenAI. Azure OpenAI: https://<resource>.openai.azure.com/openai/v1 · Ollama: http://localhost:11434/v1 · vLLM / LM Studio: their /v1 URL."
                : "Leave empty for the Anthropic API; set it only for a proxy or gateway."
            } A saved key is never sent to a new host: type it again when you change the host.`}
            error={errorFor("base_url")}
          />
          <ApiKeyField
            draft={draft}
            keySaved={keySaved}
            error={errorFor("api_key")}
            onChange={update}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              label="Fast model"
              autoComplete="off"
              spellCheck={false}
              placeholder={modelPlaceholder(draft, "fast")}
              value={draft.fastModel}
              onChange={(e) => update({ fastModel: e.target.value })}
              hint="Quick suggestions and short answers. Empty uses the default shown."
              error={errorFor("fast_model")}
            />
            <InputField
              label="Deep model"
              autoComplete="off"
              spellCheck={false}
              placeholder={modelPlaceholder(draft, "deep")}
              value={draft.deepModel}
              onChange={(e) => update({ deepModel: e.target.value })}
              hint="Harder questions and escalation briefings. Empty uses the default shown."
              error={errorFor("deep_model")}
            />
          </div>
        </section>
      )}

      {!remote && keySaved && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          {draft.removeKey ? "The saved API key will be removed when you save." : "An API key is still saved for this account (unused by the offline engine)."}
          {draft.removeKey ? (
            <Button variant="ghost" size="sm" onClick={() => update({ removeKey: false })}>
              Keep key
            </Button>
          ) : (
            <Button variant="ghost" size="sm" className="text-red-700" onClick={() => update({ removeKey: true, apiKey: "" })}>
              Remove key
            </Button>
          )}
        </div>
      )}

      <section aria-labelledby="ai-budget-title" className="space-y-4">
        <h2 id="ai-budget-title" className="text-sm font-semibold text-slate-900">
          Budget
        </h2>
        <InputField
          label="Monthly budget (USD)"
          inputMode="decimal"
          autoComplete="off"
          placeholder="No limit"
          className="max-w-xs"
          value={draft.budget}
          onChange={(e) => update({ budget: e.target.value })}
          hint="Optional. Once this month's estimated spend reaches it, only the offline engine answers until the month ends."
          error={errorFor("monthly_budget_usd")}
        />
      </section>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" loading={save.isPending} disabled={!dirty || Object.keys(local).length > 0}>
          Save
        </Button>
        {dirty && (
          <Button variant="ghost" disabled={save.isPending} onClick={() => { setDraft(saved); save.reset(); }}>
            Discard changes
          </Button>
        )}
        <span className="text-xs text-slate-500" data-testid="ai-settings-status">
          {dirty ? "Unsaved changes" : ""}
        </span>
      </div>

      <ConfirmDialog
        open={blocker.state === "blocked"}
        title="Leave without saving?"
        confirmLabel="Leave"
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        <p>Your changes to the AI settings haven't been saved.</p>
      </ConfirmDialog>
    </form>
  );
}

function ApiKeyField({
  draft,
  keySaved,
  error,
  onChange,
}: {
  draft: SettingsDraft;
  keySaved: boolean;
  error?: string;
  onChange: (patch: Partial<SettingsDraft>) => void;
}) {
  const hint = draft.removeKey
    ? "The saved key will be removed when you save."
    : keySaved
      ? "A key is saved — leave empty to keep it."
      : "Stored encrypted; never shown again after saving.";
  return (
    <div className="space-y-1.5">
      <InputField
        label="API key"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={keySaved && !draft.removeKey ? "••••••••  (saved)" : ""}
        value={draft.apiKey}
        onChange={(e) => onChange({ apiKey: e.target.value, removeKey: false })}
        hint={hint}
        error={error}
      />
      {keySaved &&
        (draft.removeKey ? (
          <Button variant="ghost" size="sm" onClick={() => onChange({ removeKey: false })}>
            Keep key
          </Button>
        ) : (
          <Button variant="ghost" size="sm" className="text-red-700" onClick={() => onChange({ removeKey: true, apiKey: "" })}>
            Remove key
          </Button>
        ))}
    </div>
  );
}
