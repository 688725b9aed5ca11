/**
 * The step library's shapes, labels and query keys, shared by the Step library pages and the
 * flow editor's palette ("insert from library", "save to library", "update from library"):
 * features don't import each other, so what both need lives here.
 */
import type { ItemOf, QueryParams, RequestBody, ResponseBody } from "@/api/types";

export type LibraryStep = ResponseBody<"/api/v1/steps/{library_step_id}", "get">;
export type LibraryStepPage = ResponseBody<"/api/v1/steps", "get">;
export type LibraryStepQuery = QueryParams<"/api/v1/steps", "get">;
export type LibraryStepCreate = RequestBody<"/api/v1/steps", "post">;
export type LibraryStepUpdate = RequestBody<"/api/v1/steps/{library_step_id}", "put">;
export type StepRating = ItemOf<ResponseBody<"/api/v1/steps/{library_step_id}/ratings", "get">>;
export type StepFlag = ItemOf<ResponseBody<"/api/v1/steps/flags", "get">>;
export type StepFacets = ResponseBody<"/api/v1/steps/facets", "get">;

export const STEP_KINDS = ["question", "action", "check", "script_ref"] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_SORTS = ["relevance", "rating", "uses", "updated", "title"] as const;
export type StepSort = (typeof STEP_SORTS)[number];

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  question: "Question",
  action: "Action",
  check: "Check",
  script_ref: "Script",
};

export function isStepKind(v: unknown): v is StepKind {
  return typeof v === "string" && (STEP_KINDS as readonly string[]).includes(v);
}

export function isStepSort(v: unknown): v is StepSort {
  return typeof v === "string" && (STEP_SORTS as readonly string[]).includes(v);
}

export function stepKindLabel(kind: string): string {
  return isStepKind(kind) ? STEP_KIND_LABELS[kind] : kind;
}

/** "4.3 out of 5 from 12 ratings", "No ratings yet": what the stars say to a screen reader. */
export function ratingSummary(avg: number | null | undefined, count: number): string {
  if (!count || avg == null) return "No ratings yet";
  return `${avg.toFixed(1)} out of 5 from ${count} ${count === 1 ? "rating" : "ratings"}`;
}

/**
 * Query keys of the library. The editor's "save to library" invalidates `all`, so the library
 * pages show the new step; a rating or an edit invalidates the step and every list.
 */
export const stepKeys = {
  all: ["steps"] as const,
  lists: ["steps", "list"] as const,
  list: (params: Record<string, unknown>) => ["steps", "list", params] as const,
  facets: ["steps", "facets"] as const,
  detail: (id: string) => ["steps", "detail", id] as const,
  ratings: (id: string) => ["steps", "detail", id, "ratings"] as const,
  flags: ["steps", "flags"] as const,
  flagList: (params: Record<string, unknown>) => ["steps", "flags", params] as const,
  /** The editor's palette search. */
  palettes: ["steps", "palette"] as const,
  palette: (q: string) => ["steps", "palette", q] as const,
};
