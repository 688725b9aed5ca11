import { describe, expect, it } from "vitest";
import { newNode } from "@/lib/flow-graph/convert";
import type { GraphEdge } from "@/lib/flow-graph/types";
import { copySelection, pasteClipboard } from "./clipboard";

const nodes = [
  { ...newNode("q1", "question", "Q", { x: 0, y: 0 }) },
  { ...newNode("a1", "action", "A", { x: 0, y: 100 }) },
  { ...newNode("c1", "checklist", "C", null), items: ["one"] },
];
const edges: GraphEdge[] = [
  { id: "e1", source: "q1", target: "a1", label: "Yes" },
  { id: "e2", source: "q1", target: "c1", label: "No" },
  { id: "e3", source: "a1", target: "c1", label: "" },
];

describe("copy/paste", () => {
  it("copies selected nodes and only the edges between them", () => {
    const clip = copySelection(nodes, edges, new Set(["q1", "a1"]));
    expect(clip?.nodes.map((x) => x.id)).toEqual(["q1", "a1"]);
    expect(clip?.edges).toEqual([{ source: "q1", target: "a1", label: "Yes" }]);
    expect(copySelection(nodes, edges, new Set())).toBeNull();
  });

  it("pastes with fresh ids, remapped edges and shifted positions, without touching the copy", () => {
    const clip = copySelection(nodes, edges, new Set(["q1", "a1", "c1"]))!;
    const taken = new Set(nodes.map((x) => x.id));
    const pasted = pasteClipboard(clip, taken, new Set(edges.map((x) => x.id)), { x: 40, y: 40 });
    expect(pasted.nodes.map((x) => x.id)).toEqual(["q2", "a2", "c2"]);
    expect(pasted.nodes[0]!.position).toEqual({ x: 40, y: 40 });
    expect(pasted.nodes[2]!.position).toBeNull();
    expect(pasted.edges.map((x) => `${x.source}>${x.target}:${x.label}`)).toEqual(["q2>a2:Yes", "q2>c2:No", "a2>c2:"]);
    expect(new Set(pasted.edges.map((x) => x.id)).size).toBe(3);
    pasted.nodes[2]!.items.push("two");
    expect(clip.nodes[2]!.items).toEqual(["one"]);
    // pasting twice never reuses an id
    const again = pasteClipboard(clip, new Set([...taken, ...pasted.nodes.map((x) => x.id)]), new Set());
    expect(again.nodes.map((x) => x.id)).toEqual(["q3", "a3", "c3"]);
  });
});
