import { afterEach, describe, expect, it, vi } from "vitest";
import { fromFormat } from "@/lib/flow-graph/convert";
import { createEditorStore } from "./editor-store";

const empty = () => createEditorStore(fromFormat({ title: "T", kind: "procedural", nodes: [], edges: [] }));

afterEach(() => vi.useRealTimers());

describe("editor store undo/redo", () => {
  it("undoes and redoes structural edits one action at a time", () => {
    const store = empty();
    const s = () => store.getState();
    const q = s().addNode("question", { x: 0, y: 0 });
    const a = s().addNode("action", { x: 0, y: 100 });
    expect(s().start).toBe(q);
    s().connect(q, a, "Yes");
    expect(s().edges).toHaveLength(1);
    s().undo();
    expect(s().edges).toHaveLength(0);
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual([q]);
    s().redo();
    s().redo();
    expect(s().edges.map((e) => e.label)).toEqual(["Yes"]);
    expect(store.temporal.getState().futureStates).toHaveLength(0);
  });

  it("does not record selection, problems or no-op changes", () => {
    const store = empty();
    const id = store.getState().addNode("action", null);
    const before = store.temporal.getState().pastStates.length;
    store.getState().select([id]);
    store.getState().setProblems([{ code: "x", message: "m", node_id: id, severity: "error" }]);
    store.getState().setStart(id);
    store.getState().moveNodes(new Map());
    expect(store.temporal.getState().pastStates.length).toBe(before);
  });

  it("folds a burst of typing in one field into one undo step", () => {
    vi.useFakeTimers();
    const store = empty();
    const id = store.getState().addNode("action", null);
    for (const t of ["R", "Re", "Reb", "Reboot"]) store.getState().updateNode(id, { title: t }, "title");
    expect(store.getState().nodes[0]!.title).toBe("Reboot");
    store.getState().undo();
    expect(store.getState().nodes[0]!.title).toBe("");
    vi.advanceTimersByTime(5000);
    store.getState().redo();
    store.getState().updateNode(id, { title: "Reboot it" }, "title");
    vi.advanceTimersByTime(5000);
    store.getState().updateNode(id, { title: "Reboot it now" }, "title");
    store.getState().undo();
    expect(store.getState().nodes[0]!.title).toBe("Reboot it");
  });

  it("a drag is one step, deleting a node removes its edges, and undo brings both back", () => {
    const store = empty();
    const s = () => store.getState();
    const a = s().addNode("action", { x: 0, y: 0 });
    const b = s().addNode("resolution", { x: 0, y: 100 });
    s().connect(a, b);
    s().moveNodes(new Map([[a, { x: 50, y: 60 }], [b, { x: 50, y: 200 }]]));
    s().select([a]);
    s().deleteSelection();
    expect(s().nodes.map((n) => n.id)).toEqual([b]);
    expect(s().edges).toHaveLength(0);
    expect(s().start).toBeNull();
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual([a, b]);
    expect(s().edges).toHaveLength(1);
    s().select([a]);
    s().redo();
    expect(s().selectedNodeIds).toEqual([]); // the selection never names a node that is gone
    s().undo();
    expect(s().start).toBe(a);
    s().undo();
    expect(s().nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it("load() replaces the graph and clears the history", () => {
    const store = empty();
    store.getState().addNode("action", null);
    store.getState().load(fromFormat({ title: "Other", kind: "troubleshooting", nodes: [], edges: [] }));
    expect(store.getState().meta.title).toBe("Other");
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it("outline edits: insert after a step, reorder, remove keeps the chain connected", () => {
    const store = empty();
    const s = () => store.getState();
    const a = s().insertStep(null, "action", "A");
    const c = s().insertStep(null, "action", "C");
    const b = s().insertStep(a, "action", "B");
    const chain = () => s().edges.map((e) => `${e.source}>${e.target}`).sort();
    expect(chain()).toEqual([`${a}>${b}`, `${b}>${c}`].sort());
    s().reorderSteps([c, a, b]);
    expect(s().start).toBe(c);
    expect(chain()).toEqual([`${a}>${b}`, `${c}>${a}`].sort());
    s().removeStep(a);
    expect(chain()).toEqual([`${c}>${b}`]);
    s().undo();
    expect(s().nodes).toHaveLength(3);
  });
});

describe("replacing the graph from code mode", () => {
  it("is one undo step, folds quick applies, and does nothing for the same graph", () => {
    vi.useFakeTimers();
    const store = empty();
    const s = () => store.getState();
    const q = s().addNode("question", null, "Old");
    const before = store.temporal.getState().pastStates.length;
    const graph = () => ({ meta: s().meta, start: s().start, nodes: s().nodes, edges: s().edges });
    s().replaceGraph(graph(), "code");
    expect(store.temporal.getState().pastStates.length).toBe(before);

    s().replaceGraph({ ...graph(), nodes: s().nodes.map((n) => ({ ...n, title: "New" })) }, "code");
    vi.advanceTimersByTime(400);
    s().replaceGraph({ ...graph(), nodes: s().nodes.map((n) => ({ ...n, title: "Newer" })) }, "code");
    expect(store.temporal.getState().pastStates.length).toBe(before + 1);
    s().undo();
    expect(s().nodes.find((n) => n.id === q)?.title).toBe("Old");
    s().redo();
    expect(s().nodes.find((n) => n.id === q)?.title).toBe("Newer");
  });
});
