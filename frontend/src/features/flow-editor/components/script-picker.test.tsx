import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { fromFormat, toFormat } from "@/lib/flow-graph/convert";
import { fakeUser, json, stubApi } from "@/testing/fake-api";
import { EditorStoreContext } from "../model/editor-context";
import { createEditorStore } from "../model/editor-store";
import { NodePanel } from "./node-panel";

const FLOW = "22222222-2222-2222-2222-222222222222";
const SCRIPT = { id: "66666666-6666-6666-6666-666666666666", title: "Restart a service", language: "powershell", risk: "changes_state", params: [] };

describe("action node properties: Script", () => {
  it("picks a library script for an action step, which the saved flow carries, and clears it", async () => {
    stubApi(fakeUser(), ({ route }) => {
      if (route === "GET /api/v1/scripts") return json(200, { items: [SCRIPT] });
      if (route === `GET /api/v1/scripts/${SCRIPT.id}`) return json(200, SCRIPT);
      return undefined;
    });
    const store = createEditorStore(
      fromFormat({ title: "Printing", kind: "procedural", start: "a1", nodes: [{ id: "a1", type: "action", title: "Restart the spooler" }], edges: [] }),
    );
    const u = userEvent.setup();
    const node = () => store.getState().nodes.find((n) => n.id === "a1")!;
    const view = render(
      <QueryClientProvider client={new QueryClient()}>
        <ToastProvider>
          <MemoryRouter>
            <EditorStoreContext.Provider value={store}>
              <NodePanel node={node()} flowId={FLOW} canEdit />
            </EditorStoreContext.Provider>
          </MemoryRouter>
        </ToastProvider>
      </QueryClientProvider>,
    );
    expect(toFormat(store.getState()).nodes[0]).not.toHaveProperty("script_id");
    const list = await screen.findByRole("list", { name: "Scripts" });
    await u.click(await within(list).findByRole("button", { name: /Restart a service/ }));
    expect(node().script_id).toBe(SCRIPT.id);
    expect(toFormat(store.getState()).nodes[0]).toMatchObject({ type: "action", script_id: SCRIPT.id });
    view.rerender(
      <QueryClientProvider client={new QueryClient()}>
        <ToastProvider>
          <MemoryRouter>
            <EditorStoreContext.Provider value={store}>
              <NodePanel node={node()} flowId={FLOW} canEdit />
            </EditorStoreContext.Provider>
          </MemoryRouter>
        </ToastProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("risk-badge")).toHaveTextContent("Changes state"));
    await u.click(screen.getByRole("button", { name: "Clear" }));
    expect(toFormat(store.getState()).nodes[0]).not.toHaveProperty("script_id");
  });
});
