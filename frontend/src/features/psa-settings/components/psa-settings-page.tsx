/**
 * /settings/psa — the PSA integration for team admins: the scope (account default or a team), its
 * connection and behaviour, the member mapping and the push activity. `?team=<id>&tab=members|activity&state=…`
 */
import { type KeyboardEvent, useId, useRef } from "react";
import { useSearchParams } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { usePsaSettings } from "../api/get-psa-settings";
import type { PsaScope } from "../api/keys";
import type { PushStateFilter } from "../api/list-psa-activity";
import { ActivityTab } from "./activity-tab";
import { MembersTab } from "./members-tab";
import { ScopeSelector } from "./scope-selector";
import { SettingsTab } from "./settings-tab";

const TABS = [
  { value: "settings", label: "Settings" },
  { value: "members", label: "Members" },
  { value: "activity", label: "Activity" },
] as const;
type Tab = (typeof TABS)[number]["value"];

const PUSH_STATES = ["queued", "sending", "sent", "failed"];

const DESCRIPTION =
  "Push session notes, time and ticket status to ConnectWise, Autotask or HaloPSA. Notes are redacted before they leave.";

export function PsaSettingsPage() {
  const [params, setParams] = useSearchParams();
  const teamId: PsaScope = params.get("team") || null;
  const tabParam = params.get("tab");
  const tab: Tab = TABS.some((t) => t.value === tabParam) ? (tabParam as Tab) : "settings";
  const stateParam = params.get("state") ?? "";
  const pushState = (PUSH_STATES.includes(stateParam) ? stateParam : "") as PushStateFilter;
  const settings = usePsaSettings(teamId);
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  function go(next: { team?: PsaScope; tab?: Tab; state?: PushStateFilter }) {
    const team = next.team !== undefined ? next.team : teamId;
    const t = next.tab ?? tab;
    const s = next.state !== undefined ? next.state : pushState;
    const out: Record<string, string> = {};
    if (team) out.team = team;
    if (t !== "settings") out.tab = t;
    if (t === "activity" && s) out.state = s;
    setParams(out, { replace: true });
  }

  function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
    const i = TABS.findIndex((t) => t.value === tab);
    const j =
      e.key === "ArrowRight" ? (i + 1) % TABS.length : e.key === "ArrowLeft" ? (i + TABS.length - 1) % TABS.length : e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : -1;
    if (j < 0) return;
    e.preventDefault();
    go({ tab: TABS[j]!.value });
    tabRefs.current[j]?.focus();
  }

  return (
    <div className="max-w-6xl">
      <PageHeader title="PSA integration" description={DESCRIPTION} />
      <div className="space-y-5">
        <ScopeSelector teamId={teamId} onChange={(team) => go({ team })} />
        <div role="tablist" aria-label="PSA integration" className="flex w-fit rounded-md bg-slate-100 p-0.5" onKeyDown={onTabKey}>
          {TABS.map((t, i) => (
            <button
              key={t.value}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              id={`${baseId}-tab-${t.value}`}
              type="button"
              role="tab"
              aria-selected={tab === t.value}
              aria-controls={`${baseId}-panel`}
              tabIndex={tab === t.value ? 0 : -1}
              onClick={() => go({ tab: t.value })}
              className={cn(
                "rounded px-3 py-1 text-sm font-medium",
                tab === t.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id={`${baseId}-panel`}
          aria-labelledby={`${baseId}-tab-${tab}`}
          className={cn(tab === "settings" && "rounded-lg bg-white p-5 ring-1 ring-slate-200")}
        >
          {settings.isPending ? (
            <LoadingBlock label="Loading PSA settings" />
          ) : settings.isError ? (
            <ErrorState error={settings.error} onRetry={() => void settings.refetch()} title="Couldn't load the PSA settings" />
          ) : tab === "settings" ? (
            <SettingsTab teamId={teamId} settings={settings.data} />
          ) : tab === "members" ? (
            <MembersTab teamId={teamId} inherited={settings.data.inherited} onConnect={() => go({ tab: "settings" })} />
          ) : (
            <ActivityTab teamId={teamId} inherited={settings.data.inherited} state={pushState} onStateChange={(state) => go({ state })} />
          )}
        </div>
      </div>
    </div>
  );
}
