/**
 * The step palette: search the step library and insert a step as a node that keeps its link
 * (`step_id`, `step_revision`). A combobox: type to search, ↑/↓ to move, Enter to insert.
 */
import { type KeyboardEvent, useId, useState } from "react";
import { Snippet } from "@/components/snippet";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/problem";
import { type LibraryStep, ratingSummary, stepKindLabel } from "@/lib/steps";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useLibraryStepSearch } from "../api/search-library-steps";

export function LibraryPalette({ onInsert, onClose }: { onInsert: (step: LibraryStep) => void; onClose: () => void }) {
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 200);
  const search = useLibraryStepSearch(q);
  const items = search.data?.items ?? [];
  const [active, setActive] = useState(0);
  const ids = useId();
  const current = Math.min(active, Math.max(0, items.length - 1));

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (items.length === 0) return;
      const d = e.key === "ArrowDown" ? 1 : -1;
      setActive((current + d + items.length) % items.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const step = items[current];
      if (step) onInsert(step);
    }
  }

  return (
    <Dialog open onClose={onClose} title="Insert from the step library" description="Inserted steps stay linked: when the library copy changes, the node offers “Update from library”." size="lg">
      <div className="space-y-3">
        <div className="relative">
          <Input
            type="text"
            role="combobox"
            aria-label="Search the step library"
            aria-expanded={items.length > 0}
            aria-controls={`${ids}-list`}
            aria-autocomplete="list"
            aria-activedescendant={items[current] ? `${ids}-opt-${items[current].id}` : undefined}
            placeholder="e.g. outlook credential, vpn, printer spooler…"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKey}
            className="w-full pr-8"
          />
          {search.isFetching && (
            <span className="absolute top-1/2 right-2 -translate-y-1/2">
              <Spinner label="Searching" />
            </span>
          )}
        </div>
        {search.isPending ? (
          <p className="py-6 text-center text-sm text-slate-500">Loading steps…</p>
        ) : search.isError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200 ring-inset">
            Couldn't search the library: {errorMessage(search.error)}{" "}
            <button type="button" className="font-medium underline" onClick={() => void search.refetch()}>
              Try again
            </button>
          </p>
        ) : items.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">
            {q ? `No library steps match “${q}”.` : "The step library is empty. Use “Save to library” on a node to add one."}
          </p>
        ) : null}
        <ul id={`${ids}-list`} role="listbox" aria-label="Library steps" className={cn("max-h-80 space-y-1 overflow-y-auto", items.length === 0 && "hidden")}>
          {items.map((s, i) => (
            <li
              key={s.id}
              id={`${ids}-opt-${s.id}`}
              role="option"
              aria-selected={i === current}
              onMouseEnter={() => setActive(i)}
              onClick={() => onInsert(s)}
              className={cn(
                "cursor-pointer rounded-md px-3 py-2 ring-1 ring-inset",
                i === current ? "bg-indigo-50 ring-indigo-300" : "ring-slate-200 hover:bg-slate-50",
              )}
            >
              <div className="flex items-center justify-between gap-2">
                <span className="truncate text-sm font-medium text-slate-900">{s.title}</span>
                <span className="shrink-0 text-xs text-slate-500">{stepKindLabel(s.kind)}</span>
              </div>
              {s.snippet && <Snippet text={s.snippet} className="block truncate text-xs text-slate-500" />}
              <p className="text-xs text-slate-500">
                {ratingSummary(s.rating_avg, s.rating_count)}
                {s.verified_uses > 0 ? ` · ${s.verified_uses} verified ${s.verified_uses === 1 ? "use" : "uses"}` : ""}
                {s.open_flags > 0 ? ` · ⚑ ${s.open_flags} open ${s.open_flags === 1 ? "flag" : "flags"}` : ""}
              </p>
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-500">↑ ↓ to choose, Enter to insert, Esc to close.</p>
      </div>
    </Dialog>
  );
}
