/** The outcome of "Test connection": progress while the PSA answers, then worked / failed with why. */
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import type { PsaTestResult } from "../api/test-psa-connection";
import { psaErrorMessage, TEST_KIND_LABELS } from "../model/psa-errors";

export function TestResultPanel({
  pending,
  result,
  error,
  shownFields,
}: {
  pending: boolean;
  result: PsaTestResult | undefined;
  error: unknown;
  shownFields: readonly string[];
}) {
  return (
    <div role="status" aria-live="polite" data-testid="psa-test-result">
      {pending ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner label="Testing" /> Testing the connection… this can take a few seconds.
        </p>
      ) : error ? (
        <ResultBox ok={false} title="Couldn't run the test" message={psaErrorMessage(error, shownFields)} />
      ) : result ? (
        <ResultBox
          ok={result.ok}
          title={result.ok ? "Connection works" : "Connection failed"}
          message={result.message}
          meta={result.ok ? (result.version ? `PSA version ${result.version}` : undefined) : result.kind ? (TEST_KIND_LABELS[result.kind] ?? result.kind) : undefined}
          kind={result.kind ?? undefined}
        />
      ) : null}
    </div>
  );
}

function ResultBox({ ok, title, message, meta, kind }: { ok: boolean; title: string; message: string; meta?: string; kind?: string }) {
  return (
    <div
      data-ok={ok}
      data-kind={kind}
      className={cn(
        "space-y-0.5 rounded-md px-3 py-2 text-sm ring-1 ring-inset",
        ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200",
      )}
    >
      <p className="font-medium">{title}</p>
      <p className="break-words">{message}</p>
      {meta && <p className="text-xs opacity-80">{meta}</p>}
    </div>
  );
}
