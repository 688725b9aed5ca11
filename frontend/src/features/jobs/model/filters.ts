/** The jobs page's tabs and the `state` values each one asks the API for. */
import type { QueryParams } from "@/api/types";

export type JobState = NonNullable<QueryParams<"/api/v1/jobs", "get">["state"]>[number];

export const JOB_FILTERS = [
  { value: "attention", label: "Needs attention", states: ["failed", "dead"] },
  { value: "queued", label: "Queued", states: ["queued"] },
  { value: "running", label: "Running", states: ["running"] },
  { value: "done", label: "Done", states: ["succeeded"] },
] as const satisfies readonly { value: string; label: string; states: readonly JobState[] }[];

export type JobFilter = (typeof JOB_FILTERS)[number]["value"];

export const DEFAULT_FILTER: JobFilter = "attention";

export function isJobFilter(value: string | null): value is JobFilter {
  return JOB_FILTERS.some((f) => f.value === value);
}

export function statesOf(filter: JobFilter): JobState[] {
  return [...JOB_FILTERS.find((f) => f.value === filter)!.states];
}
