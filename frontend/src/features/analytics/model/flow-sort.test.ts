import { describe, expect, it } from "vitest";
import { DEFAULT_SORT, nextSort, type SortableFlow, sortFlows } from "./flow-sort";

function row(title: string, score: number | null, runs: number, rating: number | null = null): SortableFlow {
  return {
    title,
    runs,
    resolution_rate: runs ? 0.5 : null,
    median_active_seconds: null,
    abandonment_rate: null,
    escalation_rate: null,
    rating: rating === null ? null : { average: rating },
    last_edited: null,
    version: 1,
    quality: { score },
  };
}

const rows = [row("b", 80, 10, 4), row("a", null, 2), row("c", 40, 30), row("d", 60, 5, 2)];
const titles = (r: SortableFlow[]) => r.map((x) => x.title);

describe("sortFlows", () => {
  it("puts the worst quality first and unscored flows last by default", () => {
    expect(titles(sortFlows(rows, DEFAULT_SORT))).toEqual(["c", "d", "b", "a"]);
  });

  it("keeps missing values last in both directions", () => {
    expect(titles(sortFlows(rows, { key: "rating", dir: "desc" }))).toEqual(["b", "d", "a", "c"]);
    expect(titles(sortFlows(rows, { key: "rating", dir: "asc" }))).toEqual(["d", "b", "a", "c"]);
  });

  it("sorts a figure biggest first on the first click, and flips on the second", () => {
    const first = nextSort(DEFAULT_SORT, "runs");
    expect(first).toEqual({ key: "runs", dir: "desc" });
    expect(titles(sortFlows(rows, first))).toEqual(["c", "b", "d", "a"]);
    expect(nextSort(first, "runs")).toEqual({ key: "runs", dir: "asc" });
    expect(nextSort(first, "title")).toEqual({ key: "title", dir: "asc" });
  });
});
