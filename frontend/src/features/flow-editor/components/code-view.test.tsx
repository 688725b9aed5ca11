import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const FLOW_ID = "77777777-7777-7777-7777-777777777777";

function draft() {
  return {
    format: "resolutionflow.flow/1",
    title: "Printer offline",
    kind: "troubleshooting",
    description: "",
    category: "Printing",
    tags: ["printer"],
    start: "q1",
    nodes: [
      { id: "q1", type: "question", title: "Is it offline for everyone?", body: "Ask a colleague.", position: { x: 0, y: 0 } },
      { id: "a1", type: "action", title: "Restart the spooler", body: "", position: { x: -150, y: 160 } },
      { id: "r1", type: "resolution", title: "Printer fixed", body: "", outcome: "resolved", position: { x: 150, y: 160 } },
    ],
    edges: [
      { source: "q1", target: "a1", label: "Just one user" },
      { source: "q1", target: "r1", label: "Everyone" },
    ],
  };
}

function flowRead(d: unknown, revision = 1) {
  return {
    id: FLOW_ID,
    title: "Printer offline",
    description: "",
    kind: "troubleshooting",
    category: "Printing",
    tags: ["printer"],
    archived: false,
    folder_id: null,
    owner_id: null,
    owner_name: null,
    draft: d,
    draft_revision: revision,
    draft_updated_at: null,
    draft_updated_by_name: null,
    has_unpublished_changes: true,
    latest_version: null,
    use_count: 0,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
}

type Saved = { nodes: { id: string; title: string; position?: { x: number; y: number } }[] };

function fakeServer() {
  const saved: Saved[] = [];
  stubApi(fakeUser(), async ({ input, route }) => {
    if (route === `GET /api/v1/flows/${FLOW_ID}`) return json(200, flowRead(draft()));
    if (route === "POST /api/v1/flows/validate") return json(200, { problems: [] });
    if (route === "GET /api/v1/account") return json(200, { id: "a", name: "Acme MSP", slug: "acme", engineers_can_publish: false });
    if (route === `PUT /api/v1/flows/${FLOW_ID}/draft`) {
      const body = (await input.clone().json()) as Saved;
      saved.push(body);
      return json(200, flowRead(body, saved.length + 1));
    }
  });
  return { saved };
}

// jsdom has no layout: give the canvas and its cards a size, as flow-editor.test.tsx does.
const PANE = { width: 1200, height: 800 };
const CARD = { width: 220, height: 96 };
const sizeOf = (el: HTMLElement) => (el.classList.contains("react-flow__node") ? CARD : PANE);
const patched: [object, string, PropertyDescriptor | undefined][] = [];
function patch(target: object, key: string, descriptor: PropertyDescriptor) {
  patched.push([target, key, Object.getOwnPropertyDescriptor(target, key)]);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
}
class FakeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: HTMLElement) {
    setTimeout(() => this.callback([{ target, contentRect: sizeOf(target) }] as unknown as ResizeObserverEntry[], this as unknown as ResizeObserver));
  }
  unobserve() {}
  disconnect() {}
}
beforeAll(() => {
  patch(HTMLElement.prototype, "offsetWidth", { get: function (this: HTMLElement) { return sizeOf(this).width; } });
  patch(HTMLElement.prototype, "offsetHeight", { get: function (this: HTMLElement) { return sizeOf(this).height; } });
  patch(HTMLElement.prototype, "clientWidth", { get: function (this: HTMLElement) { return sizeOf(this).width; } });
  patch(HTMLElement.prototype, "clientHeight", { get: function (this: HTMLElement) { return sizeOf(this).height; } });
  patch(SVGElement.prototype, "getBBox", { value: () => ({ x: 0, y: 0, width: 24, height: 12 }) });
});
afterAll(() => {
  for (const [target, key, descriptor] of patched.reverse()) {
    if (descriptor) Object.defineProperty(target, key, descriptor);
    else delete (target as Record<string, unknown>)[key];
  }
});

const codeStatus = () => within(screen.getByRole("region", { name: "Code" })).getByRole("status");
const codeArea = () => screen.getByRole("textbox", { name: "Flow as Markdown" }) as HTMLTextAreaElement;

describe("code mode in the flow editor", () => {
  resetAppBetweenTests();
  beforeEach(() => {
    vi.stubGlobal("ResizeObserver", FakeResizeObserver);
    vi.stubGlobal("DOMMatrixReadOnly", class { m22 = 1; });
  });

  it("edits the flow as text: the canvas and the saved draft follow, and undo takes it back", { timeout: 40_000 }, async () => {
    const server = fakeServer();
    const { u } = renderApp(`/flows/${FLOW_ID}/edit`);
    const node = await screen.findByTestId("node-a1", {}, { timeout: 20_000 });
    expect(node).toHaveTextContent("Restart the spooler");
    // A click without the mouse-down d3-drag would start a drag from (jsdom has no event.view).
    fireEvent.click(node);
    await screen.findByRole("complementary", { name: "Node properties" });

    await u.click(screen.getByRole("button", { name: "Code" }));
    const area = codeArea();
    expect(area.value).toContain("## a1 · action: Restart the spooler");
    // The selected node's section is where the caret starts.
    expect(area.value.slice(area.selectionStart).startsWith("## a1 · action:")).toBe(true);
    expect(document.activeElement).toBe(area);
    expect(area.value).toContain('-> a1 "Just one user"');

    fireEvent.change(area, { target: { value: area.value.replace("action: Restart the spooler", "action: Restart the print spooler") } });
    await waitFor(() => expect(codeStatus()).toHaveTextContent("In sync with the canvas"));
    await waitFor(() => expect(server.saved.at(-1)?.nodes.find((n) => n.id === "a1")?.title).toBe("Restart the print spooler"), { timeout: 5000 });
    // Positions are kept through the text.
    expect(server.saved.at(-1)?.nodes.find((n) => n.id === "a1")?.position).toEqual({ x: -150, y: 160 });

    // Tab inserts two spaces at the caret instead of leaving the field.
    area.focus();
    area.setSelectionRange(0, 0);
    await u.keyboard("{Tab}");
    expect(codeArea().value.startsWith("  ---")).toBe(true);
    expect(document.activeElement).toBe(codeArea());
    fireEvent.change(codeArea(), { target: { value: codeArea().value.slice(2) } });

    // Ctrl+Shift+M goes back to the canvas, which shows the new title.
    fireEvent.keyDown(codeArea(), { key: "M", ctrlKey: true, shiftKey: true });
    expect(await screen.findByTestId("node-a1")).toHaveTextContent("Restart the print spooler");
    expect(screen.queryByRole("textbox", { name: "Flow as Markdown" })).not.toBeInTheDocument();

    // The canvas edit was one undo step; undoing shows the old title on the canvas and in the text.
    await u.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByTestId("node-a1")).toHaveTextContent("Restart the spooler");
    fireEvent.keyDown(document.body, { key: "m", ctrlKey: true, shiftKey: true });
    expect(codeArea().value).toContain("## a1 · action: Restart the spooler");
  });

  it("shows an invalid text's errors at their line and keeps the graph", { timeout: 40_000 }, async () => {
    const server = fakeServer();
    const { u } = renderApp(`/flows/${FLOW_ID}/edit`);
    await screen.findByTestId("node-a1", {}, { timeout: 20_000 });
    await u.click(screen.getByRole("button", { name: "Code" }));
    const area = codeArea();
    const lines = area.value.split("\n");
    const headingLine = lines.findIndex((l) => l.startsWith("## a1 ")) + 1;
    const linkLine = lines.findIndex((l) => l.startsWith("-> r1")) + 1;
    const broken = lines
      .map((l, i) => (i + 1 === headingLine ? "## a1 · gizmo: Restart it all" : i + 1 === linkLine ? '-> nowhere "Everyone"' : l))
      .join("\n");
    fireEvent.change(area, { target: { value: broken } });

    const list = await screen.findByRole("list", { name: "Errors in the text" });
    expect(list).toHaveTextContent(`Line ${linkLine}: Link to unknown node "nowhere".`);
    expect(list).toHaveTextContent(`Line ${headingLine}: Unknown node type "gizmo"`);
    expect(codeStatus()).toHaveTextContent("2 errors: not applied");
    expect(codeArea()).toHaveAttribute("aria-invalid", "true");
    const marked = [...screen.getByTestId("code-gutter").querySelectorAll("[data-error]")].map((el) => el.textContent);
    expect(marked).toEqual([`! ${linkLine}`, `! ${headingLine}`].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2))));

    // Going to the error puts the caret on its line.
    await u.click(within(list).getByRole("button", { name: new RegExp(`^Line ${headingLine}:`) }));
    const caret = codeArea().selectionStart;
    expect(codeArea().value.slice(caret).startsWith("## a1 · gizmo")).toBe(true);

    // The graph was not touched: back on the canvas the node is as it was, and nothing was saved.
    await u.click(screen.getByRole("button", { name: "Canvas" }));
    expect(await screen.findByTestId("node-a1")).toHaveTextContent("Restart the spooler");
    expect(server.saved).toHaveLength(0);
    // Code mode again shows the flow as it is, not the dropped edit.
    await u.click(screen.getByRole("button", { name: "Code" }));
    expect(codeArea().value).toContain("## a1 · action: Restart the spooler");
    expect(screen.queryByRole("list", { name: "Errors in the text" })).not.toBeInTheDocument();
  });
});
