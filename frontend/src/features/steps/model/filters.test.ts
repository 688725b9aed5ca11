import { describe, expect, it } from "vitest";
import { effectiveSort, filtersFrom, isFiltered, queryFor, sortsFor } from "./filters";

describe("library filters", () => {
  it("sorts by best match only when there are words to match", () => {
    expect(effectiveSort("vpn", null)).toBe("relevance");
    expect(effectiveSort("", null)).toBe("updated");
    expect(effectiveSort("", "relevance")).toBe("updated");
    expect(effectiveSort("", "rating")).toBe("rating");
    expect(effectiveSort("vpn", "bogus")).toBe("relevance");
    expect(sortsFor("")).not.toContain("relevance");
    expect(sortsFor("vpn")[0]).toBe("relevance");
  });

  it("reads the URL, ignoring an unknown kind, and leaves empty filters out of the query", () => {
    const f = filtersFrom(new URLSearchParams("kind=nope&tag=vpn&team=t1&sort=uses"), "");
    expect(f).toEqual({ q: "", kind: "", tag: "vpn", category: "", team: "t1", sort: "uses" });
    expect(queryFor(f)).toEqual({ q: undefined, kind: undefined, tag: "vpn", category: undefined, team_id: "t1", sort: "uses" });
    expect(isFiltered(f)).toBe(true);
    expect(isFiltered(filtersFrom(new URLSearchParams("sort=title"), ""))).toBe(false);
  });
});
