/**
 * The engineer filter: a search box (combobox) over the account's people by name or email, through
 * GET /users?q= — so it works however many people the account has. "Everyone" comes first.
 * Keyboard: type to search, ArrowDown/ArrowUp move (ArrowDown also opens), Enter picks,
 * Escape closes and keeps the current choice.
 */
import { type KeyboardEvent, useId, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/problem";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { PEOPLE_PAGE, type PersonOption, usePeopleSearch, usePerson } from "../api/list-filter-options";

export function PersonCombobox({
  label,
  value,
  onChange,
  className,
}: {
  label: string;
  value: string | undefined;
  onChange: (id: string | null) => void;
  className?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(text.trim(), 200);
  const search = usePeopleSearch(q, open);
  const chosen = usePerson(value);
  const people = search.data?.people ?? [];
  const options: (PersonOption | null)[] = [null, ...people];
  const optionId = (i: number) => `${id}-opt-${i}`;
  const chosenLabel = !value
    ? ""
    : (chosen.data?.name ?? people.find((p) => p.id === value)?.name ?? (chosen.isError ? "Unknown person" : "…"));

  function openList() {
    setText("");
    setActive(-1);
    setOpen(true);
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function pick(option: PersonOption | null) {
    onChange(option?.id ?? null);
    close();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        openList();
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      if (active >= 0 && active < options.length) pick(options[active] ?? null);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  }

  const searching = open && (search.isPending || search.isFetching);
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 && active < options.length ? optionId(active) : undefined}
          aria-describedby={`${id}-status`}
          autoComplete="off"
          placeholder={open ? "Search by name or email…" : "Everyone"}
          value={open ? text : chosenLabel}
          onChange={(e) => {
            setText(e.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onClick={() => !open && openList()}
          onBlur={close}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border-0 bg-white px-2.5 py-1.5 pr-8 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
        />
        {searching && (
          <span className="absolute top-1/2 right-2 -translate-y-1/2">
            <Spinner label="Searching" />
          </span>
        )}
        {open && (
          <ul
            id={listId}
            role="listbox"
            aria-label={`${label} results`}
            className="absolute z-20 mt-1 max-h-72 w-72 overflow-y-auto rounded-md bg-white shadow-lg ring-1 ring-slate-200"
          >
            {options.map((o, i) => {
              const selected = o === null ? !value : o.id === value;
              return (
                <li
                  key={o?.id ?? "everyone"}
                  id={optionId(i)}
                  role="option"
                  aria-selected={selected}
                  // Keep the focus in the box: the click picks, the blur must not close first.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(o)}
                  className={cn(
                    "flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm",
                    selected ? "bg-indigo-50 text-indigo-900" : "text-slate-800 hover:bg-slate-50",
                    i === active && "outline-2 -outline-offset-2 outline-indigo-400",
                  )}
                >
                  <span aria-hidden="true" className={cn("w-4 text-indigo-600", !selected && "invisible")}>
                    ✓
                  </span>
                  {o === null ? (
                    <span className="font-medium">Everyone</span>
                  ) : (
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{o.name}</span>
                      <span className="block truncate text-xs text-slate-500">{o.email}</span>
                    </span>
                  )}
                </li>
              );
            })}
            {search.isError && (
              <li role="presentation" className="px-3 py-2 text-sm text-red-700">
                Couldn't search people: {errorMessage(search.error)}
              </li>
            )}
            {search.isSuccess && people.length === 0 && (
              <li role="presentation" className="px-3 py-2 text-sm text-slate-500">
                {q ? `No one matches “${q}”.` : "No engineers yet."}
              </li>
            )}
            {search.data?.more && (
              <li role="presentation" className="px-3 py-2 text-xs text-slate-500">
                The first {PEOPLE_PAGE} shown: type more of a name or email to narrow.
              </li>
            )}
          </ul>
        )}
      </div>
      <p id={`${id}-status`} aria-live="polite" className="sr-only">
        {open && search.isSuccess ? `${people.length} ${people.length === 1 ? "person" : "people"} found` : ""}
      </p>
    </div>
  );
}
