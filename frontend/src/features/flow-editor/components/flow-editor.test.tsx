import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const FLOW_ID = "66666666-6666-6666-6666-666666666666";
const NODES = 200; // above VISIBLE_ONLY_ABOVE: the canvas renders only what is on screen

/** A big yes/no tree as stored by an import: no node has a position, so the editor lays it out. */
function bigDraft() {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < NODES; i++) {
    const leaf = 2 * i + 1 >= NODES;
    nodes.push({ id: `n${i}`, type: leaf ? "resolution" : "question", title: `Step ${i}`, body: "", ...(leaf ? { outcome: "resolved" } : {}) });
    if (i > 0) edges.push({ source: `n${Math.floor((i - 1) / 2)}`, target: `n${i}`, label: i % 2 ? "Yes" : "No" });
  }
  return { format: "resolutionflow/1", title: "Big imported flow", kind: "troubleshooting", description: "", category: "", tags: [], start: "n0", nodes, edges };
}

function flowRead(draft: unknown, revision = 1) {
  return {
    id: FLOW_ID,
    title: "Big imported flow",
    description: "",
    kind: "troubleshooting",
    category: "",
    tags: [],
    archived: false,
    folder_id: null,
    owner_id: null,
    owner_name: null,
    draft,
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

type Draft = { nodes: { id: string; title: string; position?: { x: number; y: number } }[] };

function fakeServer() {
  const saved: Draft[] = [];
  let flowGets = 0;
  stubApi(fakeUser(), async ({ input, route }) => {
    if (route === `GET /api/v1/flows/${FLOW_ID}`) {
      flowGets += 1;
      return json(200, flowRead(bigDraft()));
    }
    if (route === "POST /api/v1/flows/validate") return json(200, { problems: [] });
    if (route === "GET /api/v1/account") return json(200, { id: "a", name: "Acme MSP", slug: "acme", engineers_can_publish: false });
    if (route === `PUT /api/v1/flows/${FLOW_ID}/draft`) {
      const body = (await input.clone().json()) as Draft;
      saved.push(body);
      return json(200, flowRead(body, saved.length + 1));
    }
  });
  return { saved, flowGets: () => flowGets };
}

// jsdom has no layout: give the canvas a size, the cards their size, and React Flow the few
// browser APIs it measures with.
const PANE = { width: 1200, height: 800 };
const CARD = { width: 220, height: 96 };
const sizeOf = (el: HTMLElement) => (el.classList.contains("react-flow__node") ? CARD : PANE);
const patched: [object, string, PropertyDescriptor | undefined][] = [];
function patch(target: object, key: string, descriptor: PropertyDescriptor) {
  patched.push([target, key, Object.getOwnPropertyDescriptor(target, key)]);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
}

/** Reports what it was asked to observe once, in one batch, as a browser does after layout. */
class FakeResizeObserver {
  private pending: HTMLElement[] = [];
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: HTMLElement) {
    if (this.pending.push(target) > 1) return;
    setTimeout(() => {
      const entries = this.pending.map((el) => ({ target: el, contentRect: sizeOf(el) }));
      this.pending = [];
      this.callback(entries as unknown as ResizeObserverEntry[], this as unknown as ResizeObserver);
    });
  }
  unobserve() {}
  disconnect() {
    this.pending = [];
  }
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

describe("the editor with a big flow", () => {
  resetAppBetweenTests();
  beforeEach(() => {
    vi.stubGlobal("ResizeObserver", FakeResizeObserver);
    vi.stubGlobal("DOMMatrixReadOnly", class { m22 = 1; });
  });

  // Laying out 200 nodes and transforming the editor's modules takes a few seconds on a busy machine.
  it("opens laid out and fitted, drawing only what is on screen", { timeout: 40_000 }, async () => {
    const server = fakeServer();
    renderApp(`/flows/${FLOW_ID}/edit`);

    // The root sits at the top centre of the laid-out tree: on screen once the view is fitted.
    const root = await screen.findByTestId("node-n0", {}, { timeout: 20_000 });
    expect(root).toHaveTextContent("Step 0");
    expect(root).toHaveTextContent("Start");
    const drawn = document.querySelectorAll(".react-flow__node");
    expect(drawn.length).toBeGreaterThan(1);
    expect(drawn.length).toBeLessThan(NODES);
    // Its answers are drawn as connections from the first paint on.
    await waitFor(() => expect(document.querySelector('.react-flow__edge[data-id="e:n0->n1"]')).not.toBeNull());
    expect(document.querySelector('.react-flow__edge[data-id="e:n0->n2"]')).not.toBeNull();
    expect(screen.getByRole("complementary", { name: "Flow settings" })).toHaveTextContent(`${NODES} nodes, ${NODES - 1} connections`);
    // What waits for the first frame still comes: the minimap, and the first check of the graph.
    expect(await screen.findByTestId("rf__minimap")).toBeInTheDocument();
    expect(await within(screen.getByRole("region", { name: "Problems" })).findByText("No problems found")).toBeInTheDocument();
    // One request for the draft, however often the page rendered before it committed.
    expect(server.flowGets()).toBe(1);
  });

  it("stays editable: rename a node, add one, undo, and autosave keeps the layout", { timeout: 40_000 }, async () => {
    const server = fakeServer();
    const { u } = renderApp(`/flows/${FLOW_ID}/edit`);
    const root = await screen.findByTestId("node-n0", {}, { timeout: 20_000 });

    // A click without the mouse-down d3-drag would start a drag from (jsdom has no event.view).
    fireEvent.click(root);
    const panel = await screen.findByRole("complementary", { name: "Node properties" });
    const title = within(panel).getByLabelText("Node title");
    await u.clear(title);
    await u.type(title, "Does the printer power on?");
    expect(screen.getByTestId("node-n0")).toHaveTextContent("Does the printer power on?");

    // A new node is placed in view (or the view moves to it), so it is drawn although most of the
    // graph is not; undo takes it away again.
    fireEvent.click(screen.getByRole("button", { name: "Add action" }));
    expect(await screen.findByTestId("node-a1")).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.queryByTestId("node-a1")).not.toBeInTheDocument());

    // The draft goes back (the undo too) with every node, each at the place the layout gave it.
    await waitFor(() => expect(server.saved.at(-1)?.nodes).toHaveLength(NODES), { timeout: 5000 });
    const draft = server.saved.at(-1)!;
    expect(draft.nodes.find((n) => n.id === "n0")?.title).toBe("Does the printer power on?");
    expect(draft.nodes.every((n) => n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
    expect(new Set(draft.nodes.map((n) => `${n.position?.x},${n.position?.y}`)).size).toBe(NODES);
  });
});
