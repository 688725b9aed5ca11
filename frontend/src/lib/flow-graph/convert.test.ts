import { describe, expect, it } from "vitest";
import { bodyPreview, fromFormat, nextNodeId, toFormat } from "./convert";
import { toRFEdge, toRFNode } from "./react-flow";

const sample = {
  format: "resolutionflow.flow/1",
  title: "Outlook will not start",
  kind: "troubleshooting",
  description: "d",
  category: "Email",
  tags: ["outlook"],
  start: "q1",
  nodes: [
    { id: "q1", type: "question", title: "Safe mode?", body: "Run `outlook.exe /safe`.", position: { x: 10, y: 20 } },
    { id: "a1", type: "action", title: "Disable add-ins" },
    { id: "c1", type: "checklist", title: "Pre-flight", items: ["Backup PST", "Close Teams"] },
    { id: "i1", type: "input", title: "Error code?", variable: "error_code" },
    { id: "s1", type: "subflow", title: "Repair Office", flow_id: "f-123" },
    { id: "r1", type: "resolution", title: "Done", outcome: "escalate" },
  ],
  edges: [
    { source: "q1", target: "a1", label: "Yes" },
    { source: "q1", target: "r1", label: "No" },
    { source: "a1", target: "c1", label: "" },
  ],
};

describe("format <-> editor graph", () => {
  it("keeps a node's library link (step_id and step_revision) and writes none for unlinked nodes", () => {
    const g = fromFormat({
      ...sample,
      nodes: [
        { id: "a1", type: "action", title: "Clear the credential", step_id: "st-1", step_revision: 3 },
        { id: "a2", type: "action", title: "Plain", step_revision: 4 },
      ],
      edges: [],
    });
    expect(g.nodes.map((n) => [n.step_id, n.step_revision])).toEqual([
      ["st-1", 3],
      [null, null],
    ]);
    const [linked, plain] = toFormat(g).nodes;
    expect(linked).toMatchObject({ step_id: "st-1", step_revision: 3 });
    expect(plain).not.toHaveProperty("step_id");
    expect(plain).not.toHaveProperty("step_revision");
  });

  it("keeps an action step's script and writes none where there is none", () => {
    const g = fromFormat({
      ...sample,
      nodes: [
        { id: "a1", type: "action", title: "Restart the spooler", script_id: "sc-1" },
        { id: "a2", type: "action", title: "Plain" },
      ],
      edges: [],
    });
    expect(g.nodes[0]!.script_id).toBe("sc-1");
    expect(g.nodes[1]).not.toHaveProperty("script_id");
    const [withScript, plain] = toFormat(g).nodes;
    expect(withScript).toMatchObject({ type: "action", script_id: "sc-1" });
    expect(plain).not.toHaveProperty("script_id");
  });

  it("round-trips every node type and edge label", () => {
    const g = fromFormat(sample);
    expect(g.start).toBe("q1");
    expect(g.nodes.map((n) => n.type)).toEqual(["question", "action", "checklist", "input", "subflow", "resolution"]);
    expect(g.edges.map((e) => e.id)).toEqual(["e:q1->a1", "e:q1->r1", "e:a1->c1"]);
    const back = toFormat(g);
    expect(back).toEqual({
      ...sample,
      nodes: sample.nodes.map((n) => ({ body: "", ...n })),
    });
  });

  it("writes only the fields of the node's current type, and keeps the others for switching back", () => {
    const g = fromFormat(sample);
    const checklist = { ...g.nodes[2]!, type: "action" as const };
    expect(toFormat({ ...g, nodes: [checklist] }).nodes[0]).toEqual({ id: "c1", type: "action", title: "Pre-flight", body: "" });
    expect(checklist.items).toEqual(["Backup PST", "Close Teams"]);
  });

  it("tolerates broken drafts: unknown types, missing fields, duplicate edges", () => {
    const g = fromFormat({
      title: "x",
      kind: "weird",
      nodes: [{ id: "n", type: "teleport", position: { x: Number.NaN, y: 1 } }],
      edges: [
        { source: "n", target: "m" },
        { source: "n", target: "m" },
      ],
    });
    expect(g.meta.kind).toBe("troubleshooting");
    expect(g.nodes[0]).toMatchObject({ type: "action", title: "", position: null, outcome: "resolved" });
    expect(g.edges.map((e) => e.id)).toEqual(["e:n->m", "e:n->m#2"]);
    expect(toFormat(g).start).toBeNull();
  });

  it("picks short unused ids", () => {
    expect(nextNodeId("question", new Set(["q1", "q2", "a3"]))).toBe("q3");
    expect(nextNodeId("resolution", new Set())).toBe("r1");
  });

  it("flattens Markdown for previews", () => {
    expect(bodyPreview("**Run** `ipconfig /all`\n\n- then [this](http://x)")).toBe("Run ipconfig /all - then thishttp://x");
    expect(bodyPreview("a".repeat(200), 10)).toHaveLength(10);
  });
});

describe("editor graph -> React Flow", () => {
  it("builds custom nodes with their data and edges with labels", () => {
    const g = fromFormat(sample);
    const rf = toRFNode(g.nodes[0]!, { isStart: true, selected: true, problem: null, diff: null });
    expect(rf).toMatchObject({ id: "q1", type: "flow-question", position: { x: 10, y: 20 }, selected: true });
    expect(rf.data.isStart).toBe(true);
    expect(rf.data.node.title).toBe("Safe mode?");
    const unplaced = toRFNode(g.nodes[1]!, { isStart: false, selected: false, problem: null, diff: null });
    expect(unplaced.position).toEqual({ x: 0, y: 0 });
    const e = toRFEdge(g.edges[0]!, { selected: false, diff: null });
    expect(e).toMatchObject({ id: "e:q1->a1", source: "q1", target: "a1", label: "Yes" });
  });
});
