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

describe("renderMarkdown with highlightRedactions", () => {
  it("wraps each marker in a <mark>, in text and code alike", () => {
    const html = renderMarkdown("Password was [REDACTED:password].\n\n```\nkey=[REDACTED:api_key]\n```", { highlightRedactions: true });
    const div = document.createElement("div");
    div.innerHTML = html;
    const marks = [...div.querySelectorAll("mark")].map((m) => m.textContent);
    expect(marks).toEqual(["[REDACTED:password]", "[REDACTED:api_key]"]);
    expect(div.querySelector("pre code mark")).not.toBeNull();
  });

  it("still sanitises, and leaves marker-like text inside markup inert", () => {
    const html = renderMarkdown('[REDACTED:password] <img src=x onerror=alert(1)> <b title="[REDACTED:x]">b</b>', { highlightRedactions: true });
    expect(html).not.toContain("onerror");
    expect(html).toContain("<mark");
    expect(html).toContain('title="[REDACTED:x]"');
  });

  it("is off by default", () => {
    expect(renderMarkdown("[REDACTED:password]")).not.toContain("<mark");
  });
});
