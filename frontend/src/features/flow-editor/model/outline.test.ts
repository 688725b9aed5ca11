import { describe, expect, it } from "vitest";
import type { GraphEdge } from "@/lib/flow-graph/types";
import { insertIntoOrder, linearise, moveItem, rewireOrder } from "./outline";

const n = (...ids: string[]) => ids.map((id) => ({ id, title: id.toUpperCase() }));
const e = (source: string, target: string, label = ""): GraphEdge => ({ id: `e:${source}->${target}`, source, target, label });

describe("linearise", () => {
  it("follows single ways out from the start", () => {
    const out = linearise({ start: "a", nodes: n("c", "a", "b", "x"), edges: [e("a", "b"), e("b", "c")] });
    expect(out).toEqual({ linear: true, steps: ["a", "b", "c"], detached: ["x"] });
  });

  it("refuses a branching graph and says which node branches", () => {
    const out = linearise({ start: "a", nodes: n("a", "b", "c"), edges: [e("a", "b", "Yes"), e("a", "c", "No")] });
    expect(out.linear).toBe(false);
    if (!out.linear) {
      expect(out.reason).toMatch(/“A” has 2 ways out/);
      expect(out.nodes).toEqual(["a", "b", "c"]);
    }
  });

  it("refuses loops and a missing start; an empty graph is an empty outline", () => {
    expect(linearise({ start: "a", nodes: n("a", "b"), edges: [e("a", "b"), e("b", "a")] }).linear).toBe(false);
    expect(linearise({ start: null, nodes: n("a"), edges: [] }).linear).toBe(false);
    expect(linearise({ start: null, nodes: [], edges: [] })).toEqual({ linear: true, steps: [], detached: [] });
  });
});

describe("rewireOrder", () => {
  it("rewires the edges between steps to follow the new order and moves the start", () => {
    const g = { start: "a", nodes: n("a", "b", "c", "x"), edges: [e("a", "b", "kept?"), e("b", "c"), e("x", "b")] };
    const { edges, start } = rewireOrder(g, ["c", "a", "b"]);
    expect(start).toBe("c");
    const pairs = edges.map((ed) => `${ed.source}>${ed.target}:${ed.label}`).sort();
    // x->b is not a step's edge and stays; a->b existed and keeps its id and label.
    expect(pairs).toEqual(["a>b:kept?", "c>a:", "x>b:"].sort());
    expect(edges.find((ed) => ed.source === "a")?.id).toBe("e:a->b");
    expect(linearise({ start, nodes: g.nodes, edges })).toEqual({ linear: true, steps: ["c", "a", "b"], detached: ["x"] });
  });

  it("moves and inserts within the order", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 5)).toEqual(["a", "b", "c"]);
    expect(insertIntoOrder(["a", "b"], "n", "a")).toEqual(["a", "n", "b"]);
    expect(insertIntoOrder(["a", "b"], "n", null)).toEqual(["a", "b", "n"]);
  });
});
