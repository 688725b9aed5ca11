import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fromFormat } from "@/lib/flow-graph/convert";
import { EditorStoreContext } from "../model/editor-context";
import { createEditorStore } from "../model/editor-store";
import { ProblemsPanel } from "./problems-panel";

// An imported tree: a yes/no box with only its "Yes" branch drawn.
const tree = {
  title: "Engine overheats",
  kind: "troubleshooting",
  start: "q",
  nodes: [
    { id: "q", type: "question", title: "Is the warning light on?" },
    { id: "r", type: "resolution", title: "Let it cool", outcome: "resolved" },
  ],
  edges: [{ source: "q", target: "r", label: "Yes" }],
};

describe("the Problems panel", () => {
  it("shows a single-answer question as a warning, not an error, and goes to its node", async () => {
    const goTos: string[] = [];
    const store = createEditorStore(fromFormat(tree as Parameters<typeof fromFormat>[0]));
    store.getState().setProblems([
      {
        code: "question_single_answer",
        severity: "warning",
        node_id: "q",
        message: "The question “Is the warning light on?” has one answer, so the runner shows it as a confirm step (one button).",
      },
    ]);
    render(
      <EditorStoreContext.Provider value={store}>
        <ProblemsPanel status="done" error={null} onGoTo={() => goTos.push("canvas")} />
      </EditorStoreContext.Provider>,
    );
    const panel = screen.getByRole("region", { name: "Problems" });
    expect(within(panel).getByText("0 errors, 1 warning")).toBeInTheDocument();
    const item = within(panel).getByRole("button", { name: /confirm step/ });
    expect(item).toHaveTextContent("Warning");
    expect(item).not.toHaveTextContent("Error");
    await userEvent.setup().click(item);
    expect(goTos).toEqual(["canvas"]);
    expect(store.getState().selectedNodeIds).toEqual(["q"]);
  });
});
