import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { fromFormat, toFormat } from "@/lib/flow-graph/convert";
import { EditorStoreContext } from "../model/editor-context";
import { createEditorStore } from "../model/editor-store";
import { NodePanel } from "./node-panel";

const FLOW = "22222222-2222-2222-2222-222222222222";

function editor(inputType?: string) {
  return createEditorStore(
    fromFormat({
      title: "Join the guest Wi-Fi",
      kind: "troubleshooting",
      start: "i1",
      nodes: [
        { id: "i1", type: "input", title: "Wi-Fi password", variable: "psk", ...(inputType ? { input_type: inputType } : {}) },
        { id: "a1", type: "action", title: "Connect" },
      ],
      edges: [{ source: "i1", target: "a1", label: "" }],
    }),
  );
}

function renderPanel(store: ReturnType<typeof editor>, nodeId: string) {
  const node = store.getState().nodes.find((n) => n.id === nodeId)!;
  // The panel's library section ("Save to library") asks the API and shows toasts.
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <ToastProvider>
        <MemoryRouter>
          <EditorStoreContext.Provider value={store}>
            <NodePanel node={node} flowId={FLOW} canEdit />
          </EditorStoreContext.Provider>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

describe("input node properties: Secret", () => {
  it("marks an input secret, which the saved flow carries as input_type, and unmarks it", async () => {
    const store = editor();
    const u = userEvent.setup();
    const view = renderPanel(store, "i1");
    const box = screen.getByRole("checkbox", { name: "Secret (never shown or sent)" });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/only see “••• \(secret captured\)”/);
    // Older flows, and inputs left as they are, are saved without the field.
    expect(toFormat(store.getState()).nodes[0]).not.toHaveProperty("input_type");

    await u.click(box);
    expect(store.getState().nodes[0]!.input_type).toBe("secret");
    expect(toFormat(store.getState()).nodes[0]).toMatchObject({ type: "input", variable: "psk", input_type: "secret" });

    view.unmount();
    renderPanel(store, "i1");
    const again = screen.getByRole("checkbox", { name: "Secret (never shown or sent)" });
    expect(again).toBeChecked();
    await u.click(again);
    expect(toFormat(store.getState()).nodes[0]).not.toHaveProperty("input_type");
    // One undo step puts it back.
    store.getState().undo();
    expect(store.getState().nodes[0]!.input_type).toBe("secret");
  });

  it("reads a secret input from the flow", () => {
    const store = editor("secret");
    renderPanel(store, "i1");
    expect(screen.getByRole("checkbox", { name: "Secret (never shown or sent)" })).toBeChecked();
  });

  it("has no Secret box on other node types", () => {
    renderPanel(editor(), "a1");
    expect(screen.queryByRole("checkbox", { name: /Secret/ })).toBeNull();
  });
});
