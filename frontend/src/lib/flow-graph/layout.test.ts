import { describe, expect, it } from "vitest";
import { layoutGraph, NODE_HEIGHT, needsLayout } from "./layout";

describe("layoutGraph", () => {
  it("returns a position for every node, top to bottom along the edges", () => {
    const nodes = ["a", "b", "c", "d", "lonely"].map((id) => ({ id }));
    const edges = [
      { source: "a", target: "b" },
      { source: "a", target: "c" },
      { source: "b", target: "d" },
      { source: "c", target: "d" },
      { source: "c", target: "ghost" },
    ];
    const pos = layoutGraph({ nodes, edges });
    expect([...pos.keys()].sort()).toEqual(["a", "b", "c", "d", "lonely"]);
    for (const p of pos.values()) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
    expect(pos.get("b")!.y).toBeGreaterThanOrEqual(pos.get("a")!.y + NODE_HEIGHT);
    expect(pos.get("d")!.y).toBeGreaterThan(pos.get("b")!.y);
    expect(pos.get("b")!.x).not.toBe(pos.get("c")!.x);
  });

  it("copes with an empty graph and with 500 nodes", () => {
    expect(layoutGraph({ nodes: [], edges: [] }).size).toBe(0);
    const nodes = Array.from({ length: 500 }, (_, i) => ({ id: `n${i}` }));
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 2)}`, target: n.id }));
    expect(layoutGraph({ nodes, edges }).size).toBe(500);
  });

  it("says when nodes lack positions", () => {
    expect(needsLayout([{ position: { x: 1, y: 2 } }])).toBe(false);
    expect(needsLayout([{ position: { x: 1, y: 2 } }, { position: null }])).toBe(true);
  });
});
