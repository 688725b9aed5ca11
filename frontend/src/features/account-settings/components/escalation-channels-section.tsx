/**
 * "Escalation notices: Slack and Teams": two write-only incoming-webhook URLs (typed, kept, or
 * removed — never shown) and "Send a test notice" with its result.
 */
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { errorMessage, fieldErrors, formMessage, toProblem } from "@/lib/problem";
import {
  type ChannelTestResult,
  type EscalationChannels,
  useEscalationChannels,
  useSaveEscalationChannels,
  useTestEscalationChannels,
} from "../api/escalation-channels";
import {
  CHANNEL_LABEL,
  type ChannelDraft,
  type ChannelKind,
  channelNames,
  channelsBody,
  EMPTY_DRAFT,
  FIELD,
} from "../model/escalation-channels";

const SHOWN_FIELDS = ["slack_webhook_url", "teams_webhook_url"] as const;

const PLACEHOLDER: Record<ChannelKind, string> = {
  slack: "https://hooks.slack.com/services/…",
  teams: "https://….webhook.office.com/…",
};

export function EscalationChannelsSection() {
  const titleId = useId();
  const channels = useEscalationChannels();
  return (
    <section className="space-y-4" aria-labelledby={titleId}>
      <div className="space-y-0.5">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Escalation notices: Slack and Teams
        </h2>
        <p className="text-xs text-slate-500">
          Besides the in-app bell and email, each escalation can post a short notice to a channel: the priority, who escalated, the
          redacted problem summary and reason, and a link to the handoff. Paste an incoming-webhook URL from Slack or Teams.
        </p>
      </div>
      {channels.isPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner label="Loading" /> Loading the channels…
        </p>
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} title="Couldn't load the escalation channels" />
      ) : (
        <>
          <ChannelsForm saved={channels.data} />
          <ChannelTestPanel saved={channels.data} />
        </>
      )}
    </section>
  );
}

function ChannelsForm({ saved }: { saved: EscalationChannels }) {
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const save = useSaveEscalationChannels();
  const toast = useToast();
  const body = channelsBody(draft);
  const dirty = Object.keys(body).length > 0;
  const problem = save.error ? toProblem(save.error) : null;
  const server = problem ? fieldErrors(problem) : {};

  function update(kind: ChannelKind, patch: Partial<ChannelDraft>) {
    setDraft((d) => ({ ...d, [kind]: { ...d[kind], ...patch } }));
    if (save.isError) save.reset();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!dirty) return;
    save.mutate(body, {
      onSuccess: () => {
        setDraft(EMPTY_DRAFT);
        toast.show("Escalation channels saved.");
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Escalation channels">
      <FormError message={problem ? formMessage(problem, SHOWN_FIELDS) : null} />
      <div className="grid gap-4 md:grid-cols-2">
        {(["slack", "teams"] as const).map((kind) => (
          <WebhookField
            key={kind}
            kind={kind}
            isSet={kind === "slack" ? saved.slack_webhook_set : saved.teams_webhook_set}
            draft={draft[kind]}
            error={server[FIELD[kind]]}
            onChange={(patch) => update(kind, patch)}
          />
        ))}
      </div>
      <p className="text-xs text-slate-500">
        A webhook URL carries its own token, so treat it like a password: it is stored encrypted and never shown again, here or
        anywhere else. Only https:// URLs are accepted.
      </p>
      <Button type="submit" loading={save.isPending} disabled={!dirty}>
        Save channels
      </Button>
    </form>
  );
}

function WebhookField({
  kind,
  isSet,
  draft,
  error,
  onChange,
}: {
  kind: ChannelKind;
  isSet: boolean;
  draft: ChannelDraft;
  error?: string;
  onChange: (patch: Partial<ChannelDraft>) => void;
}) {
  const label = CHANNEL_LABEL[kind];
  const hint = draft.remove
    ? `The saved ${label} webhook will be removed when you save.`
    : isSet
      ? "A webhook is saved — leave empty to keep it."
      : "Not set. Stored encrypted; never shown again after saving.";
  return (
    <div className="space-y-1.5" data-testid={`channel-${kind}`} data-set={isSet}>
      <InputField
        label={`${label} incoming webhook`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={isSet && !draft.remove ? "••••••••  (saved)" : PLACEHOLDER[kind]}
        value={draft.url}
        onChange={(e) => onChange({ url: e.target.value, remove: false })}
        hint={hint}
        error={error}
      />
      {isSet &&
        (draft.remove ? (
          <Button variant="ghost" size="sm" onClick={() => onChange({ remove: false })}>
            Keep {label} webhook
          </Button>
        ) : (
          <Button variant="ghost" size="sm" className="text-red-700" onClick={() => onChange({ remove: true, url: "" })}>
            Remove {label} webhook
          </Button>
        ))}
    </div>
  );
}

function ChannelTestPanel({ saved }: { saved: EscalationChannels }) {
  const test = useTestEscalationChannels();
  const anySet = saved.slack_webhook_set || saved.teams_webhook_set;
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" loading={test.isPending} disabled={!anySet} onClick={() => test.mutate()}>
          Send a test notice
        </Button>
        <span className="text-xs text-slate-500">
          {anySet ? "Posts a test notice to each saved webhook. Save your changes first to test them." : "Save a webhook first to send a test notice."}
        </span>
      </div>
      <div role="status" aria-live="polite" data-testid="channel-test-result">
        {test.isPending ? (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner label="Sending" /> Sending a test notice… this can take a few seconds.
          </p>
        ) : test.isError ? (
          <TestResult ok={false} title="Couldn't send the test notice" lines={[errorMessage(test.error)]} />
        ) : test.data ? (
          <TestResult {...describeTest(test.data)} />
        ) : null}
      </div>
    </div>
  );
}

export function describeTest(r: ChannelTestResult): { ok: boolean; title: string; lines: string[] } {
  if (r.sent_to.length === 0) return { ok: false, title: "No webhook is saved", lines: ["Save a Slack or Teams webhook, then send a test notice."] };
  if (r.ok) return { ok: true, title: "Test notice sent", lines: [`Posted to ${channelNames(r.sent_to)}. Check the channel for it.`] };
  return {
    ok: false,
    title: "Test notice failed",
    lines: [`Tried ${channelNames(r.sent_to)}.`, ...(r.failed.length ? r.failed : ["The server didn't say why."])],
  };
}

function TestResult({ ok, title, lines }: { ok: boolean; title: string; lines: string[] }) {
  return (
    <div
      data-ok={ok}
      className={cn(
        "space-y-0.5 rounded-md px-3 py-2 text-sm ring-1 ring-inset",
        ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200",
      )}
    >
      <p className="font-medium">{title}</p>
      {lines.map((l, i) => (
        <p key={i} className="break-words">
          {l}
        </p>
      ))}
    </div>
  );
}
