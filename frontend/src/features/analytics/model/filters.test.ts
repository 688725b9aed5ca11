import { describe, expect, it } from "vitest";
import { apiQuery, filterSearch, parseFilters, patchParams, rangeError } from "./filters";

const TODAY = "2026-03-31";
const parse = (search: string) => parseFilters(new URLSearchParams(search), TODAY);

describe("parseFilters", () => {
  it("defaults to the 30 days up to today (UTC), both ends included", () => {
    const { filters, error } = parse("");
    expect(error).toBeNull();
    expect(filters).toMatchObject({ range: 30, from: "2026-03-02", to: TODAY, days: 30 });
  });

  it("reads a preset, and falls back to 30 days for one it doesn't know", () => {
    expect(parse("range=7").filters).toMatchObject({ range: 7, from: "2026-03-25", to: TODAY });
    expect(parse("range=365").filters).toMatchObject({ range: 365, from: "2025-04-01", days: 365 });
    expect(parse("range=12").filters).toMatchObject({ range: 30, from: "2026-03-02" });
  });

  it("reads a custom range and the narrowing filters by the API's names", () => {
    const { filters, error } = parse("from=2026-01-01&to=2026-01-31&team_id=t1&category=Network&client=%20&flow_id=f1");
    expect(error).toBeNull();
    expect(filters).toMatchObject({ range: "custom", from: "2026-01-01", to: "2026-01-31", days: 31, team_id: "t1", category: "Network", flow_id: "f1" });
    expect(filters.client).toBeUndefined();
    expect(apiQuery(filters)).toEqual({ from: "2026-01-01", to: "2026-01-31", team_id: "t1", category: "Network", flow_id: "f1" });
  });

  it("refuses a range longer than a year, backwards, or with a date that isn't one", () => {
    expect(parse("from=2025-01-01&to=2026-03-31").error).toBe("That range is 455 days. Pick at most one year (366 days).");
    expect(parse("from=2026-03-10&to=2026-03-01").error).toBe("The start date is after the end date.");
    expect(parse("from=2026-02-30&to=2026-03-01").error).toBe("Enter a start date.");
  });
});

describe("rangeError", () => {
  it("allows exactly a leap year (366 days) and not a day more", () => {
    expect(rangeError("2024-01-01", "2024-12-31")).toBeNull();
    expect(rangeError("2024-01-01", "2025-01-01")).toBe("That range is 367 days. Pick at most one year (366 days).");
  });
});

describe("patchParams", () => {
  it("drops a custom range when a preset is picked, and the preset when dates are", () => {
    const custom = new URLSearchParams("from=2026-01-01&to=2026-01-31&category=Email");
    expect(patchParams(custom, { range: "7" }).toString()).toBe("category=Email&range=7");
    const preset = new URLSearchParams("range=90&category=Email");
    expect(patchParams(preset, { from: "2026-01-01", to: "2026-01-31" }).toString()).toBe("category=Email&from=2026-01-01&to=2026-01-31");
  });

  it("removes cleared filters, and the default 30 days needs no parameter", () => {
    const p = new URLSearchParams("range=7&team_id=t1&rows=client");
    expect(patchParams(p, { range: "30", team_id: null }).toString()).toBe("rows=client");
  });
});

describe("filterSearch", () => {
  it("carries the range and the filters, not the page's own parameters", () => {
    expect(filterSearch(new URLSearchParams("range=7&rows=client&team_id=t1&outcome=resolved"))).toBe("?range=7&team_id=t1");
    expect(filterSearch(new URLSearchParams("rows=client"))).toBe("");
  });
});
