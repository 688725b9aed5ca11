import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ReactFlowProvider } from "@xyflow/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { fromFormat, toFormat } from "@/lib/flow-graph/convert";
import { json, stubApi } from "@/testing/fake-api";
import { EditorStoreContext } from "../model/editor-context";
import { createEditorStore } from "../model/editor-store";
import { LibraryUpdatesBanner } from "./library-updates-banner";
import { NodePanel } from "./node-panel";
import { Palette } from "./palette";

const FLOW = "22222222-2222-2222-2222-222222222222";
const STEP = "33333333-3333-3333-3333-333333333333";

afterEach(() => vi.unstubAllGlobals());

function libraryStep(over: Record<string, unknown> = {}) {
  return {
    id: STEP,
    title: "Clear the cached Outlook credential",
    body: "Remove `MicrosoftOffice16_Data` from Credential Manager.",
    kind: "action",
    answers: [],
    tags: ["outlook"],
    category: "Email",
    team_id: null,
    team_name: null,
    script_ref: null,
    variables: [],
    revision: 2,
    created_by_id: null,
    created_by_name: "Erin",
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    rating_avg: 4.5,
    rating_count: 6,
    verified_uses: 9,
    open_flags: 0,
    linked_nodes: 1,
    my_rating: null,
    can_edit: true,
    snippet: null,
    ...over,
  };
}

function editor(nodes: Record<string, unknown>[], edges: { source: string; target: string; label: string }[] = []) {
  return createEditorStore(
    fromFormat({ title: "Outlook prompts for a password", kind: "troubleshooting", category: "Email", tags: ["outlook"], start: (nodes[0]?.id as string) ?? null, nodes: nodes as never, edges }),
  );
}

function renderWith(store: ReturnType<typeof editor>, ui: React.ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <MemoryRouter>
          <ReactFlowProvider>
            <EditorStoreContext.Provider value={store}>{ui}</EditorStoreContext.Provider>
          </ReactFlowProvider>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const panelFor = (store: ReturnType<typeof editor>, id: string) => <NodePanel node={store.getState().nodes.find((n) => n.id === id)!} flowId={FLOW} canEdit />;

describe("the step palette", () => {
  it("searches the library and inserts the chosen step with the keyboard, linked to it", async () => {
    const searches: (string | null)[] = [];
    stubApi(null, ({ url, route }) => {
      if (route === "GET /api/v1/steps") {
        searches.push(url.searchParams.get("q"));
        const q = url.searchParams.get("q");
        const all = [libraryStep(), libraryStep({ id: "s2", title: "Is the VPN connected?", kind: "question", answers: ["Yes", "No"], revision: 5 })];
        return json(200, { items: q ? all.filter((s) => s.title.toLowerCase().includes(q.toLowerCase())) : all, next_cursor: null });
      }
    });
    const store = editor([{ id: "a1", type: "action", title: "First" }]);
    const u = userEvent.setup();
    renderWith(store, <Palette view="outline" canvasRef={{ current: null }} />);
    const open = screen.getByRole("button", { name: "Insert step…" });
    await u.click(open);
    const dialog = screen.getByRole("dialog", { name: "Insert from the step library" });
    const box = within(dialog).getByRole("combobox", { name: "Search the step library" });
    expect(box).toHaveFocus();
    const list = await within(dialog).findByRole("listbox", { name: "Library steps" });
    expect(within(list).getAllByRole("option")).toHaveLength(2);
    expect(within(list).getAllByRole("option")[0]).toHaveTextContent("4.5 out of 5 from 6 ratings · 9 verified uses");

    await u.type(box, "vpn");
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(1));
    expect(searches.at(-1)).toBe("vpn");
    expect(within(list).getByRole("option")).toHaveAttribute("aria-selected", "true");
    await u.keyboard("{Enter}");

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(open).toHaveFocus();
    const added = store.getState().nodes.find((n) => n.id !== "a1")!;
    expect(added).toMatchObject({ type: "question", title: "Is the VPN connected?", step_id: "s2", step_revision: 5 });
    expect(store.getState().selectedNodeIds).toEqual([added.id]);
    // The saved draft carries the link.
    expect(toFormat(store.getState()).nodes.find((n) => n.id === added.id)).toMatchObject({ step_id: "s2", step_revision: 5 });
    // One undo takes the insert back.
    store.getState().undo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(["a1"]);
  });

  it("says when nothing matches, and shows a failed search with Try again", async () => {
    let fail = true;
    stubApi(null, ({ route }) => {
      if (route === "GET /api/v1/steps") return fail ? json(500, { title: "Server error", status: 500, detail: "boom" }) : json(200, { items: [], next_cursor: null });
    });
    const u = userEvent.setup();
    renderWith(editor([]), <Palette view="outline" canvasRef={{ current: null }} />);
    await u.click(screen.getByRole("button", { name: "Insert step…" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't search the library");
    fail = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText(/The step library is empty/)).toBeInTheDocument();
  });
});

describe("a node's library link", () => {
  it("saves a question to the library with its answers, and links the node", async () => {
    const created: Record<string, unknown>[] = [];
    stubApi(null, async ({ input, route }) => {
      if (route === "POST /api/v1/steps") {
        const body = (await input.clone().json()) as Record<string, unknown>;
        created.push(body);
        return json(201, libraryStep({ ...body, id: STEP, revision: 1 }));
      }
      if (route === `GET /api/v1/steps/${STEP}`) return json(200, libraryStep({ kind: "question", answers: ["Yes", "No"], revision: 1 }));
    });
    const store = editor(
      [
        { id: "q1", type: "question", title: "Does Outlook start in safe mode?", body: "Run `outlook.exe /safe`." },
        { id: "a1", type: "action", title: "Disable add-ins" },
        { id: "r1", type: "resolution", title: "Escalate", outcome: "escalate" },
      ],
      [
        { source: "q1", target: "a1", label: "Yes" },
        { source: "q1", target: "r1", label: "No" },
      ],
    );
    const u = userEvent.setup();
    const view = renderWith(store, panelFor(store, "q1"));
    const section = screen.getByRole("region", { name: "Step library" });
    await u.click(within(section).getByRole("button", { name: "Save to library" }));
    await waitFor(() => expect(store.getState().nodes[0]).toMatchObject({ step_id: STEP, step_revision: 1 }));
    expect(created).toEqual([
      { title: "Does Outlook start in safe mode?", kind: "question", body: "Run `outlook.exe /safe`.", answers: ["Yes", "No"], category: "Email", tags: ["outlook"] },
    ]);
    expect(await screen.findByText("Saved “Does Outlook start in safe mode?” to the step library.")).toBeInTheDocument();
    view.unmount();
    renderWith(store, panelFor(store, "q1"));
    expect(await screen.findByText("Up to date with the library.")).toBeInTheDocument();
  });

  it("explains a question the server refuses for too few answers", async () => {
    stubApi(null, ({ route }) =>
      route === "POST /api/v1/steps"
        ? json(422, { title: "Validation failed", status: 422, detail: "1 problem", errors: [{ loc: ["body", "answers"], msg: "Value error, a question needs at least two answers" }] })
        : undefined,
    );
    const store = editor([{ id: "q1", type: "question", title: "Safe mode?" }]);
    const u = userEvent.setup();
    renderWith(store, panelFor(store, "q1"));
    await u.click(screen.getByRole("button", { name: "Save to library" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("A question needs at least two different answers: connect its answers first");
    expect(store.getState().nodes[0]!.step_id).toBeNull();
  });

  it("offers Update from library when the library revision is newer, and updates title and body only", async () => {
    stubApi(null, ({ route }) => (route === `GET /api/v1/steps/${STEP}` ? json(200, libraryStep({ title: "Remove the cached credential", body: "New text.", revision: 4 })) : undefined));
    const store = editor(
      [
        { id: "a1", type: "action", title: "Clear the cached Outlook credential", body: "Old text.", step_id: STEP, step_revision: 2 },
        { id: "r1", type: "resolution", title: "Done", outcome: "resolved" },
      ],
      [{ source: "a1", target: "r1", label: "" }],
    );
    const u = userEvent.setup();
    renderWith(store, panelFor(store, "a1"));
    const link = await screen.findByTestId("library-link");
    expect(within(link).getByRole("link", { name: "Remove the cached credential" })).toHaveAttribute("href", `/steps/${STEP}`);
    expect(link).toHaveTextContent("The library copy changed: revision 4.");
    await u.click(within(link).getByRole("button", { name: "Update from library" }));
    expect(store.getState().nodes[0]).toMatchObject({ title: "Remove the cached credential", body: "New text.", step_id: STEP, step_revision: 4 });
    expect(store.getState().edges).toHaveLength(1);
  });

  it("says when the linked step was deleted and unlinks", async () => {
    stubApi(null, ({ route }) => (route === `GET /api/v1/steps/${STEP}` ? json(404, { title: "Not found", status: 404, detail: "No such step." }) : undefined));
    const store = editor([{ id: "a1", type: "action", title: "Old", step_id: STEP, step_revision: 1 }]);
    const u = userEvent.setup();
    renderWith(store, panelFor(store, "a1"));
    expect(await screen.findByText(/was deleted/)).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Unlink" }));
    expect(store.getState().nodes[0]).toMatchObject({ step_id: null, step_revision: null });
  });

  it("offers nothing for a resolution", () => {
    const store = editor([{ id: "r1", type: "resolution", title: "Done", outcome: "resolved" }]);
    renderWith(store, panelFor(store, "r1"));
    expect(screen.queryByRole("button", { name: "Save to library" })).toBeNull();
    expect(screen.getByText("Resolutions and subflows aren't reusable steps.")).toBeInTheDocument();
  });
});

describe("the editor's library updates notice", () => {
  it("lists linked nodes whose step changed, goes to one, and updates them all", async () => {
    const fetched: string[] = [];
    stubApi(null, ({ route }) => {
      if (route.startsWith("GET /api/v1/steps/")) fetched.push(route);
      if (route === `GET /api/v1/steps/${STEP}`) return json(200, libraryStep({ title: "Clear the credential (v3)", body: "New.", revision: 3 }));
      if (route === "GET /api/v1/steps/s2") return json(200, libraryStep({ id: "s2", title: "Current", revision: 1 }));
    });
    const store = editor([
      { id: "a1", type: "action", title: "Old A", body: "old", step_id: STEP, step_revision: 2 },
      { id: "a2", type: "action", title: "Old B", body: "old", step_id: STEP, step_revision: 1 },
      { id: "a3", type: "action", title: "Current", step_id: "s2", step_revision: 1 },
      { id: "a4", type: "action", title: "Plain" },
    ]);
    const u = userEvent.setup();
    renderWith(store, <LibraryUpdatesBanner canEdit />);
    const notice = await screen.findByRole("status", { name: "Library updates" });
    expect(notice).toHaveTextContent("2 nodes' library steps have changed");
    // One request per linked step, however many nodes share it.
    expect(fetched.sort()).toEqual([`GET /api/v1/steps/${STEP}`, "GET /api/v1/steps/s2"]);
    await u.click(within(notice).getByRole("button", { name: "Old B" }));
    expect(store.getState().selectedNodeIds).toEqual(["a2"]);
    await u.click(within(notice).getByRole("button", { name: "Update all from library" }));
    expect(store.getState().nodes.map((n) => [n.id, n.title, n.step_revision])).toEqual([
      ["a1", "Clear the credential (v3)", 3],
      ["a2", "Clear the credential (v3)", 3],
      ["a3", "Current", 1],
      ["a4", "Plain", null],
    ]);
    await waitFor(() => expect(screen.queryByRole("status", { name: "Library updates" })).toBeNull());
  });
});
