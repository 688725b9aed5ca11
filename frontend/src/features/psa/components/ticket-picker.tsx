/**
 * "Search open tickets": a combobox over the PSA's open tickets (number or words, debounced),
 * with the results as a popup listbox. Arrow keys move, Enter picks, Escape closes (then clears).
 * Picking reports the ticket's id through `onChange` and the ticket through `onPick`. Without a
 * PSA connection it only says so: the ticket number is typed in the form's own field.
 */
import { type KeyboardEvent, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { ApiError } from "@/lib/problem";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { isPsaNotConfigured, useSearchTickets } from "../api/search-tickets";
import type { TicketSummary } from "../api/types";
import { psaErrorMessage } from "../model/push";

export interface TicketPickerProps {
  /** The ticket id the form holds (typed or picked). */
  value: string;
  onChange: (ticketId: string) => void;
  /** Called with the whole ticket when one is picked (e.g. to fill an empty title). */
  onPick?: (ticket: TicketSummary) => void;
  label?: string;
  disabled?: boolean;
}

const DEBOUNCE_MS = 300;

export function TicketPicker({ value, onChange, onPick, label = "Search open tickets", disabled }: TicketPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<TicketSummary | null>(null);
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useSearchTickets(q);
  const results = (search.data ?? []).slice(0, 20);
  const optionId = (i: number) => `${id}-opt-${i}`;

  if (isPsaNotConfigured(search.error)) {
    return (
      <p className="text-xs text-slate-500" data-testid="psa-not-connected">
        No PSA connected — type the ticket number.
      </p>
    );
  }
  // Not allowed to search (or no such endpoint): just don't offer it.
  if (search.error instanceof ApiError && [401, 403, 404].includes(search.error.status)) return null;
  // Until the first answer says a PSA is connected, offer nothing: a search box that vanishes
  // a moment later (no PSA) would only jump the form around under the engineer's cursor.
  if (search.isPending && search.data === undefined) return null;

  function choose(ticket: TicketSummary) {
    setPicked(ticket);
    setText("");
    setOpen(false);
    setActive(-1);
    onChange(ticket.id);
    onPick?.(ticket);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      if (results.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a < 0 && step < 0 ? results.length - 1 : (a + step + results.length) % results.length));
    } else if (e.key === "Enter") {
      // Never submits the surrounding form: Enter here means "pick".
      e.preventDefault();
      const exact = results.find((t) => t.id === text.trim());
      const target = open && active >= 0 ? results[active] : exact;
      if (target) choose(target);
    } else if (e.key === "Escape") {
      // Inside a dialog, the first Escape closes the list, not the dialog.
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        e.nativeEvent.stopImmediatePropagation();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText("");
      }
    }
  }

  const expanded = open && !disabled;
  const showPicked = picked !== null && picked.id === value.trim();

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
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={expanded && active >= 0 && active < results.length ? optionId(active) : undefined}
          autoComplete="off"
          disabled={disabled}
          placeholder="Ticket number or words from the summary…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border-0 bg-white px-2.5 py-1.5 pr-8 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-500 focus:outline-none disabled:bg-slate-50"
        />
        {search.isFetching && (
          <span className="absolute top-1/2 right-2 -translate-y-1/2">
            <Spinner label="Searching tickets" />
          </span>
        )}
        <ul
          id={listId}
          role="listbox"
          aria-label="Open tickets"
          hidden={!expanded}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md bg-white shadow-lg ring-1 ring-slate-200"
        >
          {results.map((t, i) => (
            <li
              key={t.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // Keep focus in the box so blur doesn't close the list before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(t)}
              className={cn(
                "cursor-pointer border-b border-slate-100 px-3 py-2 text-sm last:border-b-0",
                i === active ? "bg-indigo-50 text-indigo-900" : "text-slate-800 hover:bg-slate-50",
              )}
            >
              <span className="flex items-baseline gap-2">
                <span className="shrink-0 font-mono text-xs text-slate-500">#{t.id}</span>
                <span className="min-w-0 flex-1 truncate font-medium">{t.summary}</span>
                {t.status && <Badge>{t.status}</Badge>}
              </span>
              {(t.company || t.board || t.priority) && (
                <span className="mt-0.5 block truncate text-xs text-slate-500">{[t.company, t.board, t.priority].filter(Boolean).join(" · ")}</span>
              )}
            </li>
          ))}
          {search.isError && (
            <li role="presentation" className="px-3 py-2 text-sm text-red-700">
              Couldn't search the PSA: {psaErrorMessage(search.error)}
            </li>
          )}
          {search.isFetching && results.length === 0 && !search.isError && (
            <li role="presentation" className="px-3 py-2 text-sm text-slate-500">
              Searching…
            </li>
          )}
          {search.isSuccess && results.length === 0 && (
            <li role="presentation" className="px-3 py-2 text-sm text-slate-500">
              {q ? `No open ticket matches “${q}”.` : "No open tickets."}
            </li>
          )}
        </ul>
      </div>
      <p id={hintId} className="text-xs text-slate-500">
        {showPicked ? (
          <span data-testid="picked-ticket">
            Picked <span className="font-medium text-slate-700">#{picked.id}</span> — {picked.summary}
            {picked.company ? ` (${picked.company})` : ""}
          </span>
        ) : (
          "Open tickets from the PSA: type a number or words; ↑↓ to move, Enter to pick."
        )}
      </p>
    </div>
  );
}
