/** Choose the published flow a subflow node runs (searching GET /flows?q=, never this flow). */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useFlowTitle } from "../api/get-flow-title";
import { useSubflowSearch } from "../api/search-flows";

export function SubflowPicker({ flowId, value, onChange }: { flowId: string; value: string | null; onChange: (id: string | null) => void }) {
  const [q, setQ] = useState("");
  const debounced = useDebouncedValue(q, 250);
  const search = useSubflowSearch(debounced);
  const current = useFlowTitle(value);
  const results = (search.data?.items ?? []).filter((f) => f.id !== flowId && f.latest_version !== null && !f.archived);

  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-slate-700">Flow to run</legend>
      {value ? (
        <div className="flex items-center justify-between gap-2 rounded-md bg-violet-50 px-2.5 py-1.5 text-sm ring-1 ring-violet-200 ring-inset">
          <span className="min-w-0 truncate text-violet-900">
            {current.title ?? (current.missing ? "A flow that no longer exists" : "Loading…")}
          </span>
          <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
            Clear
          </Button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">No flow chosen yet. Only published flows can run as a subflow.</p>
      )}
      <Input
        type="search"
        aria-label="Find a published flow"
        placeholder="Find a published flow"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="w-full py-1 text-xs"
      />
      {search.isFetching && <Spinner label="Searching flows" />}
      <ul className="max-h-48 space-y-0.5 overflow-y-auto" aria-label="Published flows">
        {results.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              onClick={() => onChange(f.id)}
              aria-pressed={f.id === value}
              className="flex w-full items-center justify-between gap-2 rounded px-2 py-1 text-left text-xs hover:bg-slate-100 aria-pressed:bg-violet-50"
            >
              <span className="truncate text-slate-800">{f.title}</span>
              <span className="shrink-0 text-slate-400">v{f.latest_version}</span>
            </button>
          </li>
        ))}
        {!search.isPending && results.length === 0 && <li className="px-2 py-1 text-xs text-slate-500">No published flows match.</li>}
      </ul>
    </fieldset>
  );
}
