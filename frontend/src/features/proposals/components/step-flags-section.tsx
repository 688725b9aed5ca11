/**
 * Open "this step is wrong" flags from the step library: which step, why, who said so. Those who
 * may close a flag (team admins of the step's owner team: `may_close`) resolve it (the step was
 * wrong and is fixed) or dismiss it (the step was right); a refusal shows on the flag.
 */
import { useId, useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { formatTimeSince } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { type FlagVerdict, useCloseStepFlag, useOpenStepFlags } from "../api/step-flags";
import type { StepFlag } from "../api/types";

export function StepFlagsSection() {
  const headingId = useId();
  const flags = useOpenStepFlags();
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div>
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          Step flags
          {flags.data && flags.data.items.length > 0 && (
            <span className="ml-2 rounded-full bg-amber-100 px-1.5 text-xs font-medium text-amber-800 tabular-nums">{flags.data.items.length}</span>
          )}
        </h2>
        <p className="text-sm text-slate-500">Library steps someone marked as wrong. The step's owner team reviews them.</p>
      </div>
      {flags.isPending ? (
        <LoadingBlock label="Loading step flags" />
      ) : flags.isError ? (
        <ErrorState error={flags.error} onRetry={() => void flags.refetch()} title="Couldn't load the step flags" />
      ) : flags.data.items.length === 0 ? (
        <EmptyState title="No open step flags">When someone says a library step is wrong, it shows up here.</EmptyState>
      ) : (
        <ul className="space-y-2" aria-label="Open step flags">
          {flags.data.items.map((f) => (
            <li key={f.id}>
              <FlagRow flag={f} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FlagRow({ flag }: { flag: StepFlag }) {
  const close = useCloseStepFlag();
  const toast = useToast();
  const errorId = useId();
  const [verdict, setVerdict] = useState<FlagVerdict | null>(null);

  function act(v: FlagVerdict) {
    setVerdict(v);
    close.mutate(
      { flagId: flag.id, verdict: v },
      { onSuccess: () => toast.show(v === "resolve" ? `Flag on "${flag.step_title}" resolved.` : `Flag on "${flag.step_title}" dismissed.`) },
    );
  }

  return (
    <article data-testid="step-flag" className="flex flex-wrap items-start justify-between gap-3 rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200">
      <div className="min-w-0 space-y-0.5">
        <Link to={`/steps/${flag.step_id}`} className="text-sm font-semibold text-indigo-700 hover:underline">
          {flag.step_title}
        </Link>
        <p className="text-sm text-slate-700">{flag.reason}</p>
        <p className="text-xs text-slate-500">
          {flag.reporter_name ?? "Someone"} · {formatTimeSince(flag.created_at)}
        </p>
        {close.isError && (
          <p id={errorId} role="alert" className="text-xs text-red-700">
            {errorMessage(close.error)}
          </p>
        )}
      </div>
      {flag.may_close && (
        <div className="flex shrink-0 gap-2">
          <Button
            size="sm"
            variant="secondary"
            loading={close.isPending && verdict === "dismiss"}
            disabled={close.isPending}
            onClick={() => act("dismiss")}
            aria-describedby={close.isError ? errorId : undefined}
          >
            Dismiss <span className="sr-only">flag on {flag.step_title}</span>
          </Button>
          <Button
            size="sm"
            loading={close.isPending && verdict === "resolve"}
            disabled={close.isPending}
            onClick={() => act("resolve")}
            aria-describedby={close.isError ? errorId : undefined}
          >
            Resolve <span className="sr-only">flag on {flag.step_title}</span>
          </Button>
        </div>
      )}
    </article>
  );
}
