/**
 * The Analytics filters as they live in the URL (so a view is linkable and Back works):
 * `range` is a preset (7, 30, 90 or 365 days up to today, UTC), or `from`/`to` give a custom
 * range; `team_id`, `user_id`, `flow_id`, `category` and `client` narrow it, with the API's own
 * names. The API counts sessions that started inside the range, UTC days, both ends included.
 */

export const PRESETS = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
] as const;
export type PresetDays = (typeof PRESETS)[number]["days"];

export const DEFAULT_DAYS: PresetDays = 30;
/** The API's limit: a year, leap day included. */
export const MAX_DAYS = 366;

/** The narrowing filters, named as the API's query parameters. */
export const FILTER_KEYS = ["team_id", "user_id", "flow_id", "category", "client"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface AnalyticsFilters {
  /** A preset's days, or "custom" when `from`/`to` came from the URL. */
  range: PresetDays | "custom";
  from: string;
  to: string;
  days: number;
  team_id?: string;
  user_id?: string;
  flow_id?: string;
  category?: string;
  client?: string;
}

/** What the analytics endpoints take (besides `format`). */
export interface AnalyticsQuery {
  from: string;
  to: string;
  team_id?: string;
  user_id?: string;
  flow_id?: string;
  category?: string;
  client?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function isIsoDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const t = toTime(value);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** Today's date in UTC (the API's days are UTC days). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return new Date(toTime(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS) + 1;
}

/** Why a custom range cannot be asked for, or null when it can. */
export function rangeError(from: string, to: string): string | null {
  if (!isIsoDate(from)) return "Enter a start date.";
  if (!isIsoDate(to)) return "Enter an end date.";
  if (from > to) return "The start date is after the end date.";
  const days = daysInRange(from, to);
  if (days > MAX_DAYS) return `That range is ${days} days. Pick at most one year (${MAX_DAYS} days).`;
  return null;
}

function isPreset(n: number): n is PresetDays {
  return PRESETS.some((p) => p.days === n);
}

/** The filters a URL asks for, and what is wrong with its range (null when nothing is). */
export function parseFilters(
  params: URLSearchParams,
  today: string = todayUtc(),
): { filters: AnalyticsFilters; error: string | null } {
  const narrowing: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) narrowing[key] = value;
  }
  const rawFrom = params.get("from");
  const rawTo = params.get("to");
  if (rawFrom !== null || rawTo !== null) {
    const to = rawTo ?? today;
    const from = rawFrom ?? (isIsoDate(to) ? addDays(to, -(DEFAULT_DAYS - 1)) : "");
    const error = rangeError(from, to);
    const days = error ? 0 : daysInRange(from, to);
    return { filters: { range: "custom", from, to, days, ...narrowing }, error };
  }
  const asked = Number(params.get("range"));
  const days = isPreset(asked) ? asked : DEFAULT_DAYS;
  return { filters: { range: days, from: addDays(today, -(days - 1)), to: today, days, ...narrowing }, error: null };
}

/** The query parameters for the API: the range as dates, and the filters that are set. */
export function apiQuery(filters: AnalyticsFilters): AnalyticsQuery {
  const query: AnalyticsQuery = { from: filters.from, to: filters.to };
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) query[key] = value;
  }
  return query;
}

export type FilterPatch = Partial<Record<FilterKey | "range" | "from" | "to" | "map", string | null>>;

/**
 * The URL's parameters with `patch` applied (null or "" removes one). Choosing a preset drops a
 * custom range and the other way round.
 */
export function patchParams(current: URLSearchParams, patch: FilterPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  if ("range" in patch) {
    next.delete("from");
    next.delete("to");
  }
  if ("from" in patch || "to" in patch) next.delete("range");
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, value);
  }
  // The default needs no parameter: /analytics is the 30-day view.
  if (next.get("range") === String(DEFAULT_DAYS)) next.delete("range");
  return next;
}

/** The filters' part of a URL, to carry them from page to page (the flow page and back). */
export function filterSearch(params: URLSearchParams): string {
  const keep = new URLSearchParams();
  for (const key of ["range", "from", "to", ...FILTER_KEYS]) {
    const value = params.get(key);
    if (value) keep.set(key, value);
  }
  const s = keep.toString();
  return s ? `?${s}` : "";
}

const dayFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function formatDay(iso: string): string {
  return isIsoDate(iso) ? dayFormat.format(new Date(toTime(iso))) : iso;
}

/** "Last 30 days" for a preset, "1 Mar 2026 – 31 Mar 2026" for a custom range. */
export function rangeLabel(filters: Pick<AnalyticsFilters, "range" | "from" | "to">): string {
  if (filters.range !== "custom") {
    return filters.range === 365 ? "Last year" : `Last ${filters.range} days`;
  }
  return `${formatDay(filters.from)} – ${formatDay(filters.to)}`;
}
