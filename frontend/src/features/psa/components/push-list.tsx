/** The session's pushes to the PSA, newest first: state, attempts, the last error, warnings, "Retry". */
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { formatDateTime, plural } from "@/lib/format";
import { useRetryPush } from "../api/retry-push";
import type { Push } from "../api/types";
import { psaErrorMessage, pushExtras, pushWarnings, STATE_LABELS, STATE_TONES } from "../model/push";

const NOTE_TYPES: Record<Push["note_type"], string> = { internal: "Internal", discussion: "Discussion", resolution: "Resolution" };
const TRIGGERS: Record<Push["trigger"], string> = { manual: "", resolve: " · on resolve", escalate: " · on escalation" };

export function PushList({
  sessionId,
  pushes,
  providerLabel,
  canRetry,
}: {
  sessionId: string;
  pushes: Push[];
  providerLabel: string | null;
  canRetry: boolean;
}) {
  const headingId = `psa-pushes-${sessionId}`;
  if (pushes.length === 0) return null;
  return (
    <div>
      <h3 id={headingId} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Pushes
      </h3>
      <ul aria-labelledby={headingId} className="mt-1 space-y-2">
        {pushes.map((p) => (
          <PushRow key={p.id} sessionId={sessionId} push={p} providerLabel={providerLabel} canRetry={canRetry} />
        ))}
      </ul>
    </div>
  );
}

function PushRow({ sessionId, push, providerLabel, canRetry }: { sessionId: string; push: Push; providerLabel: string | null; canRetry: boolean }) {
  const retry = useRetryPush(sessionId);
  const toast = useToast();
  const warnings = push.state === "sent" ? pushWarnings(push, providerLabel ?? undefined) : [];
  const extras = push.state === "sent" ? pushExtras(push) : [];
  const waiting = push.state === "queued" && push.last_error !== "";
  return (
    <li data-testid="psa-push" data-state={push.state} className="rounded-md px-2.5 py-2 text-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={STATE_TONES[push.state]}>{STATE_LABELS[push.state]}</Badge>
        <span className="text-slate-800">
          {NOTE_TYPES[push.note_type]} note to #{push.ticket_id}
          {TRIGGERS[push.trigger]}
        </span>
        <span className="ml-auto text-xs text-slate-400">
          {push.state === "sent" && push.sent_at ? `Sent ${formatDateTime(push.sent_at)}` : formatDateTime(push.created_at)}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        {push.attempts > 0 ? plural(push.attempts, "attempt") : "Not tried yet"}
        {push.requested_by_name ? ` · by ${push.requested_by_name}` : ""}
        {push.notify_customer ? " · customer emailed" : ""}
        {push.psa_note_id ? ` · note ${push.psa_note_id}` : ""}
        {waiting ? ` · next try ${formatDateTime(push.next_attempt_at)}` : ""}
      </p>
      {push.last_error && push.state !== "sent" && (
        <p className="mt-1 text-xs break-words text-red-700" data-testid="psa-push-error">
          {push.state === "failed" ? "Failed: " : "Last error: "}
          {push.last_error}
        </p>
      )}
      {warnings.map((w) => (
        <p key={w} role="note" data-testid="psa-push-warning" className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-200 ring-inset">
          ⚠ {w}
        </p>
      ))}
      {extras.map((x) => (
        <p key={x} className="mt-0.5 text-xs text-emerald-700">
          {x}
        </p>
      ))}
      {push.state === "failed" && canRetry && (
        <Button
          variant="secondary"
          size="sm"
          className="mt-2"
          loading={retry.isPending}
          onClick={() =>
            retry.mutate(push.id, {
              onSuccess: () => toast.show(`Push queued again for ticket #${push.ticket_id}.`),
              onError: (e) => toast.show(`Couldn't retry: ${psaErrorMessage(e)}`, "error"),
            })
          }
        >
          Retry
        </Button>
      )}
    </li>
  );
}
