/**
 * Active time: the server's `active_seconds` (paused time excluded) as of the moment we received
 * it, plus the wall time since then while the session is active. Pure, so it can be tested.
 */

/** Seconds of active time at `now`, given the server's figure received at `receivedAt` (ms). */
export function activeSecondsAt(base: number, receivedAt: number, now: number, running: boolean): number {
  if (!running) return Math.max(0, base);
  return Math.max(0, base + Math.floor(Math.max(0, now - receivedAt) / 1000));
}

/** `h:mm` for tables (minutes rounded down): 0 → "0:00", 3725 → "1:02". */
export function formatHoursMinutes(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}`;
}

/** `h:mm:ss` for the live clock: 3725 → "1:02:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${formatHoursMinutes(s)}:${String(s % 60).padStart(2, "0")}`;
}

/** Spoken form for screen readers: "1 hour 2 minutes", "45 seconds". */
export function describeDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts: string[] = [];
  if (h) parts.push(`${h} ${h === 1 ? "hour" : "hours"}`);
  if (m) parts.push(`${m} ${m === 1 ? "minute" : "minutes"}`);
  if (!h && !m) parts.push(`${s % 60} ${s % 60 === 1 ? "second" : "seconds"}`);
  return parts.join(" ");
}
