/** A team that uses the account default: what it inherits, and the way to give it its own connection. */
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { PsaSettings } from "../api/get-psa-settings";
import type { PsaProviderInfo } from "../api/list-psa-providers";

export function InheritedPanel({
  settings,
  providers,
  onCreateOwn,
}: {
  settings: PsaSettings;
  providers: readonly PsaProviderInfo[];
  onCreateOwn: () => void;
}) {
  const titleId = useId();
  const label = providers.find((p) => p.name === settings.provider)?.label ?? settings.provider;
  return (
    <section aria-labelledby={titleId} className="space-y-3" data-testid="psa-inherited">
      <h2 id={titleId} className="text-sm font-semibold text-slate-900">
        Inherits the account default
      </h2>
      <p className="text-sm text-slate-600">
        This team has no connection of its own, so its sessions push to the account default
        {label ? (
          <>
            : <span className="font-medium text-slate-900">{label}</span>
          </>
        ) : null}
        . Pushes on resolve: {settings.push_on_resolve ? "on" : "off"}; on escalate: {settings.push_on_escalate ? "on" : "off"}.
      </p>
      <p className="text-xs text-slate-500">
        Give the team its own connection when it works in another PSA instance or with other keys. Choose “Account default” above to
        change the default itself.
      </p>
      <Button onClick={onCreateOwn}>Give this team its own connection</Button>
    </section>
  );
}
