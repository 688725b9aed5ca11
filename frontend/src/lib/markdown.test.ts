import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders Markdown and strips anything active", () => {
    const html = renderMarkdown("**Run** `ipconfig`\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3)) <a href=\"javascript:alert(4)\">y</a>");
    expect(html).toContain("<strong>Run</strong>");
    expect(html).toContain("<code>ipconfig</code>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain(">y</a>");
  });

  it("opens links in a new tab safely", () => {
    expect(renderMarkdown("[docs](https://example.com)")).toContain('rel="noopener noreferrer"');
  });
});
