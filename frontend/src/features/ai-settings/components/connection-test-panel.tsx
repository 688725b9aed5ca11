/** "Test connection": one tiny real request to the saved settings' fast model, with its result. */
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/problem";
import type { AISettings } from "../api/get-ai-settings";
import { useTestAIConnection } from "../api/test-ai-connection";
import { providerLabel } from "../model/settings-form";

export function ConnectionTestPanel({ settings: s }: { settings: AISettings }) {
  const test = useTestAIConnection();
  const target = s.effective_provider === "offline" ? "the offline engine" : `${providerLabel(s.effective_provider)} (${s.effective_fast_model})`;
  return (
    <section aria-labelledby="ai-test-title" className="space-y-3">
      <div className="space-y-0.5">
        <h2 id="ai-test-title" className="text-sm font-semibold text-slate-900">
          Connection
        </h2>
        <p className="text-xs text-slate-500">Sends a tiny request to the fast model of the saved settings. Save your changes first to test them.</p>
      </div>
      <Button variant="secondary" loading={test.isPending} onClick={() => test.mutate()}>
        Test connection
      </Button>
      <div role="status" aria-live="polite" data-testid="connection-result">
        {test.isPending ? (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner label="Testing" /> Testing {target}… this can take a few seconds.
          </p>
        ) : test.isError ? (
          <Result ok={false} title="Couldn't run the test" message={errorMessage(test.error)} />
        ) : test.data ? (
          <Result
            ok={test.data.ok}
            title={test.data.ok ? "Connection works" : "Connection failed"}
            message={test.data.message}
            meta={`${providerLabel(test.data.provider)}${test.data.model !== "offline" ? ` · ${test.data.model}` : ""}${test.data.latency_ms ? ` · ${test.data.latency_ms} ms` : ""}`}
          />
        ) : null}
      </div>
    </section>
  );
}

function Result({ ok, title, message, meta }: { ok: boolean; title: string; message: string; meta?: string }) {
  return (
    <div
      data-ok={ok}
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
