/**
 * Query keys of the jobs page. Everything sits under ["jobs"]: a retry changes which list a job is
 * in, so it invalidates every list at once.
 */
import type { JobFilter } from "../model/filters";

export const jobKeys = {
  all: ["jobs"] as const,
  lists: ["jobs", "list"] as const,
  list: (filter: JobFilter) => ["jobs", "list", filter] as const,
  schedules: ["jobs", "schedules"] as const,
};
