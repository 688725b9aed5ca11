/**
 * Sorting the flow table. The default is the API's: worst quality first, flows without a score
 * (too few runs) last. Missing values (no runs, no rating) always go last, whichever way.
 */
export const SORT_KEYS = [
  "title",
  "quality",
  "runs",
  "resolution_rate",
  "median_active_seconds",
  "abandonment_rate",
  "escalation_rate",
  "rating",
  "last_edited",
  "version",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: Sort = { key: "quality", dir: "asc" };

/** What a first click on a column sorts by: names A→Z, quality worst first, figures biggest first. */
export function firstDirection(key: SortKey): SortDir {
  return key === "title" || key === "quality" ? "asc" : "desc";
}

export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, dir: firstDirection(key) };
  return { key, dir: current.dir === "asc" ? "desc" : "asc" };
}

/** The fields the table sorts by (a subset of a flow row). */
export interface SortableFlow {
  title: string;
  runs: number;
  resolution_rate: number | null;
  median_active_seconds: number | null;
  abandonment_rate: number | null;
  escalation_rate: number | null;
  rating: { average: number } | null;
  last_edited: string | null;
  version: number | null;
  quality: { score: number | null };
}

function value(row: SortableFlow, key: SortKey): number | string | null {
  switch (key) {
    case "title":
      return row.title.toLocaleLowerCase();
    case "quality":
      return row.quality.score;
    case "rating":
      return row.rating?.average ?? null;
    case "last_edited":
      return row.last_edited ? Date.parse(row.last_edited) : null;
    default:
      return row[key];
  }
}

export function sortFlows<T extends SortableFlow>(rows: readonly T[], sort: Sort): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row, sort.key) }))
    .sort((a, b) => {
      if (a.v === null && b.v === null) return a.index - b.index;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      const cmp = typeof a.v === "string" ? a.v.localeCompare(String(b.v)) : (a.v as number) - (b.v as number);
      return cmp === 0 ? a.index - b.index : sign * cmp;
    })
    .map((x) => x.row);
}
