/**
 * Choosing the flow a session runs: a search box (combobox) over the published flows with the
 * results as a listbox; optionally "Freeform (no flow)" first. Arrow keys move, Enter picks.
 */
import { type KeyboardEvent, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/problem";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useRunnableFlows } from "../api/search-flows";

export interface FlowChoice {
  id: string;
  title: string;
  version: number | null;
}

export function FlowPicker({
  value,
  onChange,
  allowFreeform = true,
  label = "Flow",
  excludeId,
  autoFocus,
}: {
  value: FlowChoice | null;
  onChange: (choice: FlowChoice | null) => void;
  allowFreeform?: boolean;
  label?: string;
  excludeId?: string | null;
  autoFocus?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 150);
  const flows = useRunnableFlows(q);
  const results = (flows.data ?? []).filter((f) => f.id !== excludeId).slice(0, 50);
  const options: (FlowChoice | null)[] = [
    ...(allowFreeform ? [null] : []),
    ...results.map((f) => ({ id: f.id, title: f.title, version: f.latest_version })),
  ];
  const [active, setActive] = useState(-1);
  const optionId = (i: number) => `${id}-opt-${i}`;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (options.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (e.key === "Enter" && active >= 0 && active < options.length) {
      e.preventDefault();
      onChange(options[active] ?? null);
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 && active < options.length ? optionId(active) : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder="Search published flows…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border-0 bg-white px-2.5 py-1.5 pr-8 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
        />
        {flows.isFetching && (
          <span className="absolute top-1/2 right-2 -translate-y-1/2">
            <Spinner label="Searching" />
          </span>
        )}
      </div>
      <ul id={listId} role="listbox" aria-label="Search results" className="max-h-60 overflow-y-auto rounded-md bg-white ring-1 ring-slate-200">
        {options.map((o, i) => {
          const selected = o === null ? value === null : value?.id === o.id;
          const f = o ? results.find((r) => r.id === o.id) : undefined;
          return (
            <li
              key={o?.id ?? "freeform"}
              id={optionId(i)}
              role="option"
              aria-selected={selected}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(i);
                onChange(o);
              }}
              className={cn(
                "flex cursor-pointer items-center gap-2 border-b border-slate-100 px-3 py-2 text-sm last:border-b-0",
                selected ? "bg-indigo-50 text-indigo-900" : "text-slate-800 hover:bg-slate-50",
                i === active && "outline-2 -outline-offset-2 outline-indigo-400",
              )}
            >
              <span aria-hidden="true" className={cn("w-4 text-indigo-600", !selected && "invisible")}>
                ✓
              </span>
              {o === null ? (
                <span>
                  <span className="font-medium">Freeform (no flow)</span>
                  <span className="block text-xs text-slate-500">Notes and command output only; pick a flow later if one fits.</span>
                </span>
              ) : (
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{o.title}</span>
                  {f?.category && <span className="ml-2 text-xs text-slate-500">{f.category}</span>}
                </span>
              )}
              {o?.version != null && <Badge tone="green">v{o.version}</Badge>}
            </li>
          );
        })}
        {flows.isError && (
          <li role="presentation" className="px-3 py-2 text-sm text-red-700">
            Couldn't search flows: {errorMessage(flows.error)}
          </li>
        )}
        {!flows.isPending && !flows.isError && results.length === 0 && (
          <li role="presentation" className="px-3 py-2 text-sm text-slate-500">
            {q ? `No published flow matches “${q}”.` : "No published flows yet."}
          </li>
        )}
      </ul>
      {value && !results.some((r) => r.id === value.id) && (
        <p className="text-xs text-slate-600">
          Selected: <span className="font-medium">{value.title}</span>
          {value.version != null && ` (v${value.version})`}
        </p>
      )}
    </div>
  );
}
