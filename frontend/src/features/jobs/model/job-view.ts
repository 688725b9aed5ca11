/** How a job reads in the list: its badge and when it (next) happens, in words. */
import { formatDuration, formatTimeSince } from "@/lib/format";
import type { JobState } from "./filters";

export interface JobTimes {
  state: JobState;
  run_at: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export const STATE_BADGE: Record<JobState, { label: string; tone: "gray" | "green" | "amber" | "red" | "indigo" }> = {
  dead: { label: "Dead", tone: "red" },
  failed: { label: "Retrying", tone: "amber" },
  queued: { label: "Queued", tone: "gray" },
  running: { label: "Running", tone: "indigo" },
  succeeded: { label: "Done", tone: "green" },
};

export function canRetry(state: JobState): boolean {
  return state === "failed" || state === "dead";
}

/** "in 2 min", or null when the time has come (or is unreadable). */
function until(iso: string, now: Date): string | null {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return null;
  const seconds = (at - now.getTime()) / 1000;
  return seconds >= 1 ? `in ${formatDuration(seconds)}` : null;
}

/**
 * When, relative to `now`, and which instant it is about (for the tooltip): a failed job says
 * when it retries, a dead one when it failed for good, a queued one when it runs, a running one
 * since when, a finished one when it finished.
 */
export function describeWhen(job: JobTimes, now: Date = new Date()): { text: string; at: string } {
  switch (job.state) {
    case "failed": {
      const next = until(job.run_at, now);
      return { text: next ? `retries ${next}` : "retrying now", at: job.run_at };
    }
    case "dead":
      return { text: `failed ${formatTimeSince(job.updated_at, now)}`, at: job.updated_at };
    case "queued": {
      const next = until(job.run_at, now);
      return { text: next ? `runs ${next}` : "due now", at: job.run_at };
    }
    case "running":
      return { text: `started ${formatTimeSince(job.updated_at, now)}`, at: job.updated_at };
    case "succeeded": {
      const at = job.finished_at ?? job.updated_at;
      return { text: `finished ${formatTimeSince(at, now)}`, at };
    }
  }
}

/** "2 of 4". */
export function attemptsText(attempts: number, maxAttempts: number): string {
  return `${attempts} of ${maxAttempts}`;
}
