/** The "Settings" tab: the scope's connection form, or what a team inherits. */
import { useState } from "react";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { type PsaScope, scopeKey } from "../api/keys";
import type { PsaSettings } from "../api/get-psa-settings";
import { usePsaProviders } from "../api/list-psa-providers";
import { ConnectionForm } from "./connection-form";
import { InheritedPanel } from "./inherited-panel";

export function SettingsTab({ teamId, settings }: { teamId: PsaScope; settings: PsaSettings }) {
  const providers = usePsaProviders();
  // The team (by scope key) whose own connection is being written; survives refetches, not scope changes.
  const [creatingFor, setCreatingFor] = useState<string | null>(null);
  const key = scopeKey(teamId);
  // Once the team's own connection is saved, forget it was being written: removing it later shows the inherited view again.
  if (creatingFor === key && !settings.inherited) setCreatingFor(null);

  if (providers.isPending) return <LoadingBlock label="Loading PSA providers" />;
  if (providers.isError) return <ErrorState error={providers.error} onRetry={() => void providers.refetch()} title="Couldn't load the PSA providers" />;

  const fresh = settings.inherited && creatingFor === key;
  if (settings.inherited && !fresh) {
    return <InheritedPanel settings={settings} providers={providers.data} onCreateOwn={() => setCreatingFor(key)} />;
  }
  return (
    <ConnectionForm
      // A new form per scope, and once a fresh team connection is saved (it is no longer inherited).
      key={`${key}:${fresh ? "new" : "own"}`}
      teamId={teamId}
      settings={settings}
      fresh={fresh}
      providers={providers.data}
      onCancel={() => setCreatingFor(null)}
    />
  );
}
