import { describe, expect, it } from "vitest";
import { VPN_BASE, VPN_CHANGED } from "../testing/fake-flywheel-api";
import { canvasMarks, describeChange, diffEntries, diffIsEmpty, edgeKey, readDraft, readingOrder } from "./draft-diff";

const DIFF = {
  nodes: { added: ["a9"], removed: ["gone"], changed: ["a1"] },
  edges: {
    added: [{ source: "a1", target: "a9", label: "" }],
    removed: [
      { source: "a1", target: "r1", label: "" },
      { source: "gone", target: "r1", label: "" },
    ],
    changed: [{ source: "q1", target: "r2", label: "Not really" }],
  },
  fields: ["title"],
};
const BEFORE = { ...VPN_BASE, nodes: [...VPN_BASE.nodes, { id: "gone", type: "action", title: "Reboot twice", body: "" }] };

describe("readDraft", () => {
  it("reads a change proposal's document, diff and change", () => {
    const d = readDraft({ document: VPN_CHANGED, diff: DIFF, change: { op: "add_branch", node_id: "q1", label: "Sometimes" } });
    expect(d.document?.title).toBe("VPN drops");
    expect(d.diff?.nodes.added).toEqual(["a9"]);
    expect(d.diff?.edges.removed).toHaveLength(2);
    expect(d.change?.op).toBe("add_branch");
  });

  it("copes with nothing, or with junk, without throwing", () => {
    expect(readDraft(null)).toEqual({ document: null, diff: null, change: null });
    expect(readDraft({ document: { title: "no nodes" }, diff: { nodes: "x", edges: [{}] }, change: { op: 3 } })).toEqual({
      document: null,
      diff: { nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] }, fields: [] },
      change: null,
    });
  });
});

describe("diffEntries", () => {
  it("lists steps (added, changed, removed), then connections, then settings, with titles from both versions", () => {
    const entries = diffEntries(DIFF, VPN_CHANGED, BEFORE);
    expect(entries.map((e) => [e.kind, e.mark, e.kind === "field" ? e.name : e.kind === "node" ? e.title : `${e.sourceTitle} → ${e.targetTitle}`])).toEqual([
      ["node", "added", "Reset the network adapter"],
      ["node", "changed", "Renew the certificate"],
      ["node", "removed", "Reboot twice"],
      ["edge", "added", "Renew the certificate → Reset the network adapter"],
      ["edge", "changed", "Does it drop every hour? → Escalate"],
      ["edge", "removed", "Renew the certificate → Fixed"],
      ["edge", "removed", "Reboot twice → Fixed"],
      ["field", "changed", "title"],
    ]);
    const changed = entries[1]!;
    expect(changed.kind === "node" && [changed.before, changed.after]).toEqual([
      { title: "Renew the certificate", body: "Old body" },
      { title: "Renew the certificate", body: "New body" },
    ]);
    const added = entries[0]!;
    expect(added.kind === "node" && added.before).toBeNull();
  });

  it("falls back to ids for removed steps while the version before is not at hand", () => {
    const entries = diffEntries(DIFF, VPN_CHANGED, null);
    expect(entries[2]).toMatchObject({ kind: "node", mark: "removed", title: "gone", before: null, after: null });
    expect(entries[1]).toMatchObject({ mark: "changed", before: null });
  });

  it("says when there is no difference", () => {
    expect(diffIsEmpty({ nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] }, fields: [] })).toBe(true);
    expect(diffIsEmpty(DIFF)).toBe(false);
  });
});

describe("canvasMarks", () => {
  it("marks added and changed steps and connections", () => {
    const m = canvasMarks(DIFF);
    expect([...m.nodes]).toEqual([
      ["a9", "added"],
      ["a1", "changed"],
    ]);
    expect(m.edges.get(edgeKey({ source: "a1", target: "a9", label: "" }))).toBe("added");
    expect(m.edges.get(edgeKey({ source: "q1", target: "r2", label: "Not really" }))).toBe("changed");
    expect(m.edges.size).toBe(2);
  });

  it("marks nothing for a new flow", () => {
    const m = canvasMarks(null);
    expect(m.nodes.size + m.edges.size).toBe(0);
  });
});

describe("describeChange", () => {
  it("says each kind of change in a sentence naming the step", () => {
    expect(describeChange({ op: "add_step_before_end", node_id: "a1", title: "Reset the network adapter" }, VPN_BASE)).toBe(
      'Adds the step "Reset the network adapter" after "Renew the certificate", before the flow ends.',
    );
    expect(describeChange({ op: "add_branch", node_id: "q1", label: "Only on Wi-Fi", next_title: "Update the Wi-Fi driver" }, VPN_BASE)).toBe(
      'Adds the answer "Only on Wi-Fi" to "Does it drop every hour?", leading to "Update the Wi-Fi driver".',
    );
    expect(describeChange({ op: "annotate", node_id: "zz", note: "Check the MTU" }, VPN_BASE)).toBe('Adds a note to "zz": "Check the MTU".');
    expect(describeChange({ op: "teleport" }, VPN_BASE)).toBeNull();
    expect(describeChange(null, VPN_BASE)).toBeNull();
  });
});

describe("readingOrder", () => {
  it("walks from the start along the edges, then adds what it did not reach", () => {
    const doc = { ...VPN_CHANGED, nodes: [{ id: "lost", type: "action", title: "Lost" }, ...VPN_CHANGED.nodes] };
    expect(readingOrder(doc).map((n) => n.id)).toEqual(["q1", "a1", "r2", "a9", "r1", "lost"]);
    expect(readingOrder({ ...doc, start: null }).map((n) => n.id)).toEqual(["lost", "q1", "a1", "a9", "r1", "r2"]);
  });
});
