/** Formatting helpers for dates and counts shown in tables. */
const dateTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateOnly = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(iso: string | null | undefined, fallback = "—"): string {
  const d = parse(iso);
  return d ? dateTime.format(d) : fallback;
}

export function formatDate(iso: string | null | undefined, fallback = "—"): string {
  const d = parse(iso);
  return d ? dateOnly.format(d) : fallback;
}

export function isPast(iso: string | null | undefined, now: Date = new Date()): boolean {
  const d = parse(iso);
  return d !== null && d.getTime() <= now.getTime();
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "just now", "4 min ago", "2 h ago", "3 days ago" — how long since an ISO time. */
export function formatTimeSince(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return "—";
  const seconds = Math.max(0, Math.round((now.getTime() - d.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${plural(days, "day")} ago`;
}

/** A length of time for people: "45 s", "12 min", "3 h 20 min", "2 days 4 h"; "—" for nothing. */
export function formatDuration(seconds: number | null | undefined, fallback = "—"): string {
  if (seconds == null || !Number.isFinite(seconds)) return fallback;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const totalMinutes = Math.floor(s / 60);
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  if (hours < 24) {
    const m = totalMinutes % 60;
    return m ? `${hours} h ${m} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${plural(days, "day")} ${h} h` : plural(days, "day");
}
