/** "What's in effect": the provider and models the account's AI calls use right now, and why. */
import { Badge } from "@/components/ui/badge";
import type { AISettings } from "../api/get-ai-settings";
import { providerLabel } from "../model/settings-form";

export function EffectiveSummary({ settings: s }: { settings: AISettings }) {
  const offline = s.effective_provider === "offline";
  return (
    <section aria-labelledby="ai-effective-title" className="space-y-3">
      <h2 id="ai-effective-title" className="text-sm font-semibold text-slate-900">
        What's in effect
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="ai-effective">
        <dt className="text-slate-500">Provider</dt>
        <dd className="flex flex-wrap items-center gap-1.5 font-medium text-slate-900">
          <span data-testid="effective-provider">{providerLabel(s.effective_provider)}</span>
          {s.provider === null && <Badge>installation default</Badge>}
        </dd>
        {!offline && (
          <>
            <dt className="text-slate-500">Fast model</dt>
            <dd className="font-mono text-xs break-all text-slate-800">{s.effective_fast_model}</dd>
            <dt className="text-slate-500">Deep model</dt>
            <dd className="font-mono text-xs break-all text-slate-800">{s.effective_deep_model}</dd>
          </>
        )}
      </dl>
      {offline ? (
        <p className="text-xs text-slate-600">
          The offline engine answers from your flows, resolved sessions and knowledge documents; nothing leaves this server.
          {s.effective_note && <> Why offline: {s.effective_note}.</>}
        </p>
      ) : (
        <p className="text-xs text-slate-600">
          Quick suggestions use the fast model; harder questions and briefings go to the deep model. If a call fails, the offline
          engine answers instead.
        </p>
      )}
    </section>
  );
}
