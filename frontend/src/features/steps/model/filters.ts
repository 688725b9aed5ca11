/** The library page's search, filters and sort, read from and written to the URL. */
import { isStepKind, isStepSort, type StepKind, type StepSort } from "@/lib/steps";

export interface StepFilters {
  q: string;
  kind: StepKind | "";
  tag: string;
  category: string;
  team: string;
  sort: StepSort;
}

export const SORT_LABELS: Record<StepSort, string> = {
  relevance: "Best match",
  rating: "Highest rated",
  uses: "Most verified uses",
  updated: "Recently updated",
  title: "Title A–Z",
};

/** Best match only means something with words to match; without them the list is by recent updates. */
export function effectiveSort(q: string, chosen: string | null): StepSort {
  if (isStepSort(chosen) && chosen !== "relevance") return chosen;
  return q.trim() ? "relevance" : "updated";
}

export function sortsFor(q: string): StepSort[] {
  const all = Object.keys(SORT_LABELS) as StepSort[];
  return q.trim() ? all : all.filter((s) => s !== "relevance");
}

export function filtersFrom(params: URLSearchParams, q: string): StepFilters {
  const kind = params.get("kind");
  return {
    q,
    kind: isStepKind(kind) ? kind : "",
    tag: params.get("tag") ?? "",
    category: params.get("category") ?? "",
    team: params.get("team") ?? "",
    sort: effectiveSort(q, params.get("sort")),
  };
}

/** The API's query for the filters (empty ones left out). */
export function queryFor(f: StepFilters) {
  return {
    q: f.q.trim() || undefined,
    kind: f.kind || undefined,
    tag: f.tag || undefined,
    category: f.category || undefined,
    team_id: f.team || undefined,
    sort: f.sort,
  };
}

export function isFiltered(f: StepFilters): boolean {
  return Boolean(f.q.trim() || f.kind || f.tag || f.category || f.team);
}
