/**
 * A step's "this step is wrong" flags, open ones first; those who may (`may_close`: team admins of
 * the step's owner team) resolve (the step was wrong and is fixed) or dismiss (it was right).
 */
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { formatTimeSince } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import type { StepFlag } from "@/lib/steps";
import { type FlagVerdict, useCloseFlag } from "../api/close-flag";
import { useStepFlags } from "../api/list-flags";

const STATUS_TONE = { open: "red", resolved: "green", dismissed: "gray" } as const;
const STATUS_LABEL = { open: "Open", resolved: "Resolved", dismissed: "Dismissed" } as const;

export function FlagsSection({ stepId }: { stepId: string }) {
  const flags = useStepFlags(stepId);
  const items = flags.data ? [...flags.data.items].sort((a, b) => Number(b.status === "open") - Number(a.status === "open")) : [];
  return (
    <section aria-labelledby="step-flags-title" className="space-y-2">
      <h2 id="step-flags-title" className="text-sm font-semibold text-slate-900">
        Flags
      </h2>
      {flags.isPending ? (
        <LoadingBlock label="Loading flags" />
      ) : flags.isError ? (
        <ErrorState error={flags.error} onRetry={() => void flags.refetch()} title="Couldn't load the flags" />
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-500">Nobody has flagged this step.</p>
      ) : (
        <ul aria-label="Flags" className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
          {items.map((f) => (
            <FlagItem key={f.id} flag={f} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FlagItem({ flag }: { flag: StepFlag }) {
  const close = useCloseFlag();
  const toast = useToast();
  const [pending, setPending] = useState<FlagVerdict | null>(null);
  const errorId = `flag-${flag.id}-error`;

  function act(verdict: FlagVerdict) {
    setPending(verdict);
    close.mutate(
      { flagId: flag.id, verdict },
      {
        onSuccess: () => toast.show(verdict === "resolve" ? "Flag resolved." : "Flag dismissed."),
        onSettled: () => setPending(null),
      },
    );
  }

  return (
    <li className="space-y-1.5 px-4 py-3" data-testid="flag" data-status={flag.status}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={STATUS_TONE[flag.status]}>{STATUS_LABEL[flag.status]}</Badge>
        <span className="text-slate-700">{flag.reporter_name ?? "Someone"}</span>
        <span className="text-xs text-slate-500">{formatTimeSince(flag.created_at)}</span>
      </div>
      <p className="text-sm whitespace-pre-wrap text-slate-800">{flag.reason}</p>
      {flag.note && <p className="text-xs text-slate-500">Note: {flag.note}</p>}
      {flag.status === "open" && flag.may_close && (
        <div className="flex gap-2 pt-1">
          <Button size="sm" onClick={() => act("resolve")} loading={pending === "resolve"} disabled={pending !== null} aria-describedby={close.isError ? errorId : undefined}>
            Resolve
          </Button>
          <Button size="sm" variant="secondary" onClick={() => act("dismiss")} loading={pending === "dismiss"} disabled={pending !== null} aria-describedby={close.isError ? errorId : undefined}>
            Dismiss
          </Button>
        </div>
      )}
      {close.isError && (
        <p id={errorId} role="alert" className="text-xs text-red-700">
          {errorMessage(close.error)}
        </p>
      )}
    </li>
  );
}
