/** A schedule's next run as people read it: the wall-clock time in the schedule's own zone. */
import { formatDateTime, formatDuration } from "@/lib/format";

/** "Mon, Mar 2, 02:00" in `timeZone` (falls back to the browser's zone for a zone it doesn't know). */
export function formatInZone(iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: "short",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
    }).format(d);
  } catch {
    return formatDateTime(iso);
  }
}

/** "in 3 h 20 min", "due now", or "—" with no next run. */
export function nextRunRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return "—";
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return "—";
  const seconds = (at - now.getTime()) / 1000;
  return seconds >= 1 ? `in ${formatDuration(seconds)}` : "due now";
}
