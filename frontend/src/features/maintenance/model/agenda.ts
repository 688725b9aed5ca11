/** The agenda view: slots grouped by their day in the viewer's time zone. */
import type { AgendaEntry } from "../api/types";

export interface AgendaDay {
  /** YYYY-MM-DD in `timeZone`. */
  key: string;
  label: string;
  entries: AgendaEntry[];
}

function dayKey(d: Date, timeZone?: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(d);
}

export function groupByDay(entries: readonly AgendaEntry[], now: Date = new Date(), timeZone?: string): AgendaDay[] {
  const today = dayKey(now, timeZone);
  const tomorrow = dayKey(new Date(now.getTime() + 86_400_000), timeZone);
  const days = new Map<string, AgendaDay>();
  for (const e of entries) {
    const at = new Date(e.at);
    if (Number.isNaN(at.getTime())) continue;
    const key = dayKey(at, timeZone);
    let day = days.get(key);
    if (!day) {
      const long = new Intl.DateTimeFormat(undefined, { weekday: "long", month: "long", day: "numeric", timeZone }).format(at);
      day = { key, label: key === today ? `Today · ${long}` : key === tomorrow ? `Tomorrow · ${long}` : long, entries: [] };
      days.set(key, day);
    }
    day.entries.push(e);
  }
  return [...days.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Slots still to come today (in the viewer's zone). */
export function dueToday(entries: readonly AgendaEntry[], now: Date = new Date(), timeZone?: string): AgendaEntry[] {
  const today = dayKey(now, timeZone);
  return entries.filter((e) => {
    const at = new Date(e.at);
    return !Number.isNaN(at.getTime()) && dayKey(at, timeZone) === today;
  });
}

/** "21:00" in the viewer's zone. */
export function timeOf(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}
