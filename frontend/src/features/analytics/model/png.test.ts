import { describe, expect, it } from "vitest";
import { chartSvg, svgMarkup } from "./png";

describe("svgMarkup", () => {
  it("makes a standalone SVG with its size, the page's font and a white background", () => {
    const host = document.createElement("div");
    host.innerHTML = '<svg class="recharts-surface" width="320" height="200" style="width:100%"><rect width="10" height="10" fill="#4f46e5"/></svg>';
    const svg = host.querySelector("svg")!;
    const { markup, width, height } = svgMarkup(svg);
    expect([width, height]).toEqual([320, 200]);
    const doc = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
    expect(markup).toMatch(/^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(doc.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(doc.getAttribute("font-family")).toContain("system-ui");
    expect(doc.hasAttribute("style")).toBe(false);
    expect(doc.firstElementChild!.getAttribute("fill")).toBe("#ffffff");
    expect(doc.querySelectorAll("rect")).toHaveLength(2);
    // The page's own chart is left as it was.
    expect(svg.querySelectorAll("rect")).toHaveLength(1);
  });
});

describe("chartSvg", () => {
  it("picks the chart, not a legend icon that comes first", () => {
    const host = document.createElement("div");
    host.innerHTML =
      '<svg class="recharts-surface" width="14" height="14"></svg><svg class="recharts-surface" width="500" height="240" id="chart"></svg>';
    expect(chartSvg(host)?.id).toBe("chart");
  });
});
