import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Snippet } from "@/components/snippet";
import { parseSnippet, unescapeHtml } from "./snippet";

describe("search snippets", () => {
  it("splits on <mark> and unescapes the text", () => {
    expect(parseSnippet("Run &lt;b&gt;<mark>outlook</mark>.exe &amp; <mark>safe</mark>")).toEqual([
      { text: "Run <b>", mark: false },
      { text: "outlook", mark: true },
      { text: ".exe & ", mark: false },
      { text: "safe", mark: true },
    ]);
    expect(unescapeHtml("&#39;&quot;&#x3C;&unknown;")).toBe("'\"<&unknown;");
  });

  it("renders only <mark> as markup; any other HTML in the text stays text", () => {
    const evil = "&lt;img src=x onerror=alert(1)&gt; <mark>vpn</mark> <script>alert(2)</script><b>bold</b>";
    const { container } = render(<Snippet text={evil} />);
    expect(container.querySelectorAll("mark")).toHaveLength(1);
    expect(container.querySelector("mark")?.textContent).toBe("vpn");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.textContent).toContain("<img src=x onerror=alert(1)>");
    expect(container.textContent).toContain("<script>alert(2)</script><b>bold</b>");
  });
});
