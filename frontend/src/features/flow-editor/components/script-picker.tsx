/** Choose the library script an action step runs (searching GET /scripts?q=), or none. */
import { useState } from "react";
import { RiskBadge } from "@/components/scripts/risk-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { languageLabel, useScript, useScripts } from "@/lib/scripts";
import { useDebouncedValue } from "@/lib/use-debounced-value";

export function ScriptPicker({ value, onChange, disabled }: { value: string | null; onChange: (id: string | null) => void; disabled?: boolean }) {
  const [q, setQ] = useState("");
  const debounced = useDebouncedValue(q.trim(), 250);
  const search = useScripts(debounced);
  const current = useScript(value ?? "");
  const currentKnown = value ? current : null;

  return (
    <fieldset className="space-y-1.5" disabled={disabled}>
      <legend className="text-sm font-medium text-slate-700">Script</legend>
      {value ? (
        <div className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-2.5 py-1.5 text-sm ring-1 ring-slate-200 ring-inset">
          <span className="min-w-0 truncate">
            {currentKnown?.data ? (
              <>
                {currentKnown.data.title} <span className="text-xs text-slate-500">{languageLabel(currentKnown.data.language)}</span> <RiskBadge risk={currentKnown.data.risk} />
              </>
            ) : currentKnown?.isError ? (
              "A script that no longer exists"
            ) : (
              "Loading…"
            )}
          </span>
          <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
            Clear
          </Button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">No script. The runner shows a chosen script with its risk and a Copy button.</p>
      )}
      <Input type="search" aria-label="Find a script" placeholder="Find a script" value={q} onChange={(e) => setQ(e.target.value)} className="w-full py-1 text-xs" />
      {search.isFetching && <Spinner label="Searching scripts" />}
      <ul className="max-h-40 space-y-0.5 overflow-y-auto" aria-label="Scripts">
        {(search.data?.items ?? []).slice(0, 20).map((s) => (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => onChange(s.id)}
              aria-pressed={s.id === value}
              className="flex w-full items-center justify-between gap-2 rounded px-2 py-1 text-left text-xs hover:bg-slate-100 aria-pressed:bg-indigo-50"
            >
              <span className="truncate text-slate-800">{s.title}</span>
              <span className="shrink-0 text-slate-400">{languageLabel(s.language)}</span>
            </button>
          </li>
        ))}
        {search.isSuccess && (search.data?.items ?? []).length === 0 && <li className="px-2 py-1 text-xs text-slate-500">No scripts match.</li>}
      </ul>
    </fieldset>
  );
}
