/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type FormatIn, fromFormat, newNode, toFormat } from "./convert";
import { graphToText, type TextParse, textToGraph } from "./flow-text";
import { layoutGraph } from "./layout";
import type { EditorGraph } from "./types";

const DEMO_DIR = join(__dirname, "../../../../src/resolutionflow/demo_flows");
const demoFiles = readdirSync(DEMO_DIR).filter((f) => f.endsWith(".rfflow.json"));

function parsed(r: TextParse): EditorGraph {
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.graph;
}
function errorsOf(r: TextParse) {
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

const front = (extra = "") => `---\ntitle: T\nkind: troubleshooting\n${extra}---\n`;

describe("code mode: every demo flow round-trips graph -> text -> graph unchanged", () => {
  it("finds the demo flows", () => {
    expect(demoFiles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(demoFiles)("%s", (file) => {
    const doc = JSON.parse(readFileSync(join(DEMO_DIR, file), "utf8")) as FormatIn;
    const graph = fromFormat(doc);
    // The file as the editor writes it back is the file (so comparing documents is meaningful).
    expect(toFormat(graph)).toEqual(doc);

    // Without a graph to fall back on, the text alone carries everything.
    expect(toFormat(parsed(textToGraph(graphToText(graph))))).toEqual(doc);

    // Positions included: lay the flow out (fractions too), write, read.
    const pos = layoutGraph(graph);
    const placed: EditorGraph = {
      ...graph,
      nodes: graph.nodes.map((n, i) => ({ ...n, position: { x: (pos.get(n.id)?.x ?? 0) + i / 4, y: -(pos.get(n.id)?.y ?? 0) } })),
    };
    const back = parsed(textToGraph(graphToText(placed)));
    expect(toFormat(back)).toEqual(toFormat(placed));
    expect(back.nodes).toEqual(placed.nodes);
    // Text of the read graph is the same text.
    expect(graphToText(back)).toBe(graphToText(placed));
  });

  it("carries an action's script reference (script_id) through the text", () => {
    const doc = JSON.parse(readFileSync(join(DEMO_DIR, "printer-offline.rfflow.json"), "utf8")) as FormatIn;
    const script = "3f0c6f6e-5a4e-4d2e-9a4b-1c2d3e4f5a6b";
    const withScript = { ...doc, nodes: (doc.nodes ?? []).map((n) => (n.type === "action" ? { ...n, script_id: script } : n)) };
    const graph = fromFormat(withScript);
    expect(toFormat(graph)).toEqual(withScript);
    const text = graphToText(graph);
    expect(text).toContain(`## a_ping · action: Check the printer itself and ping it\nscript: ${script}\n`);
    expect(toFormat(parsed(textToGraph(text)))).toEqual(withScript);
    // Taking the line out takes the script off the step.
    const without = parsed(textToGraph(text.replace(`script: ${script}\n`, ""), graph));
    expect(toFormat(without).nodes.find((n) => n.id === "a_ping")).not.toHaveProperty("script_id");
  });

  it("keeps the identity of everything unchanged when reading against the current graph", () => {
    const doc = JSON.parse(readFileSync(join(DEMO_DIR, demoFiles[0] ?? ""), "utf8")) as FormatIn;
    const graph = fromFormat(doc);
    const again = parsed(textToGraph(graphToText(graph), graph));
    expect(again.nodes).toBe(graph.nodes);
    expect(again.edges).toBe(graph.edges);
    expect(again.meta).toBe(graph.meta);
  });
});

describe("code mode: hostile content", () => {
  const hostileBodies = [
    "## Not a node\n\nText",
    "-> q1 \"not a link\"\n->",
    "---\ntitle: nope\n---",
    "```\n## inside a fence\n-> also\n```",
    "- [ ] not an item\n- [x] nor this",
    "\\## already escaped\n\\\\-> twice",
    "\\\\server\\share and `backticks` ``` `` `",
    "variable: looks like a property\noutcome: escalate",
    "<!-- at 1, 2 -->",
    "\n\nstarts with blank lines",
    "ends with blank lines\n\n",
    "windows\r\nline ends",
    "   indented first line\n  and trailing spaces   ",
    "  ",
    "#\n##\n###",
  ];

  it.each(hostileBodies)("body %j", (body) => {
    const g: EditorGraph = {
      meta: { title: "T", description: "", kind: "procedural", category: "", tags: [] },
      start: "a1",
      nodes: [
        { ...newNode("a1", "action", "First"), body },
        { ...newNode("c1", "checklist", "Second"), body, items: ["- [ ] nested", "", ' "quoted"', "-> arrow", "## h"] },
        { ...newNode("q1", "question", "Third"), body },
      ],
      edges: [
        { id: "e:a1->c1", source: "a1", target: "c1", label: "" },
        { id: "e:c1->q1", source: "c1", target: "q1", label: 'say "hi" -> ## ok' },
      ],
    };
    const back = parsed(textToGraph(graphToText(g)));
    expect(back.nodes.map((n) => n.body)).toEqual([body, body, body]);
    expect(toFormat(back)).toEqual(toFormat(g));
  });

  it("round-trips hostile titles, meta and library/script links", () => {
    const g = {
      meta: {
        title: ' "Quoted" title ',
        description: "Line one\n---\n\n## two\n  indented",
        kind: "maintenance" as const,
        category: "| pipes",
        tags: ["a, b", "[x]", 'q"uote', "plain"],
      },
      start: "i1",
      nodes: [
        { ...newNode("i1", "input", ""), variable: "pass word", input_type: "secret" as const },
        { ...newNode("r1", "resolution", "Title: with colon · and dot"), outcome: "escalate" as const },
        { ...newNode("s1", "subflow", "-> not a link"), flow_id: "0b0c6f6e-5a4e-4d2e-9a4b-1c2d3e4f5a6b" },
        {
          ...newNode("a1", "action", "Run it"),
          step_id: "1b0c6f6e-5a4e-4d2e-9a4b-1c2d3e4f5a6b",
          step_revision: 7,
          script_id: "2b0c6f6e-5a4e-4d2e-9a4b-1c2d3e4f5a6b",
        },
      ],
      edges: [],
    };
    const text = graphToText(g);
    expect(text).toContain("script: 2b0c6f6e-5a4e-4d2e-9a4b-1c2d3e4f5a6b");
    const back = parsed(textToGraph(text));
    expect(back).toEqual(g);
  });

  it("reads what a person writes by hand", () => {
    const text = [
      "---",
      "title: Reset a password",
      "kind: procedural",
      "tags: mfa, password",
      "start: q1",
      "---",
      "## q1 - question: Can they sign in?",
      "Ask them to try.",
      "-> a1 Yes",
      "-> r1 \"No\"",
      "## a1 action: Reset it",
      "## r1 · resolution: Done",
      "outcome: resolved",
    ].join("\n");
    const g = parsed(textToGraph(text));
    expect(g.meta.tags).toEqual(["mfa", "password"]);
    expect(g.nodes.map((n) => [n.id, n.type, n.title, n.body])).toEqual([
      ["q1", "question", "Can they sign in?", "Ask them to try."],
      ["a1", "action", "Reset it", ""],
      ["r1", "resolution", "Done", ""],
    ]);
    expect(g.edges.map((e) => [e.source, e.target, e.label])).toEqual([
      ["q1", "a1", "Yes"],
      ["q1", "r1", "No"],
    ]);
  });

  it("keeps positions and other types' fields from the current graph when the text leaves them out", () => {
    const base: EditorGraph = {
      meta: { title: "T", description: "", kind: "troubleshooting", category: "", tags: [] },
      start: "a1",
      nodes: [{ ...newNode("a1", "action", "Old", { x: 5, y: 6 }), items: ["kept for switching back"], outcome: "escalate" }],
      edges: [],
    };
    const g = parsed(textToGraph(`${front("start: a1\n")}\n## a1 · action: New\n`, base));
    expect(g.nodes[0]).toEqual({ ...base.nodes[0], title: "New" });
  });
});

describe("code mode: errors at their line", () => {
  const cases: [string, string, number, RegExp][] = [
    ["unknown node type", `${front()}\n## a1 · gizmo: Title\n`, 6, /Unknown node type "gizmo"/],
    ["duplicate id", `${front()}\n## a1 · action: One\n\n## a1 · action: Two\n`, 8, /Duplicate node id "a1" \(first used on line 6\)/],
    ["link to an unknown node", `${front()}\n## a1 · action: One\n\n-> nowhere "Yes"\n`, 8, /Link to unknown node "nowhere"/],
    ["missing title", `${front()}\n## a1 · action:\n`, 6, /has no title/],
    ["malformed heading", `${front()}\n## just words\n`, 6, /A node heading reads/],
    ["front matter not closed", "---\ntitle: T\n\n## a1 · action: One\n", 1, /not closed/],
    ["no front matter", "## a1 · action: One\n", 1, /starts with front matter/],
    ["front matter line without a key", "---\ntitle: T\njust text\n---\n", 3, /key: value/],
    ["unknown front matter key", "---\ntitle: T\ncolour: red\n---\n", 3, /Unknown front matter key "colour"/],
    ["unknown kind", "---\ntitle: T\nkind: weekly\n---\n", 3, /Unknown kind "weekly"/],
    ["front matter without a title", "---\nkind: procedural\n---\n", 1, /needs a `title:`/],
    ["start names no node", `${front("start: zz\n")}`, 4, /start: there is no node "zz"/],
    ["bad outcome", `${front()}\n## r1 · resolution: Done\noutcome: fixed\n`, 7, /Unknown outcome "fixed"/],
    ["items on a question", `${front()}\n## q1 · question: Q\n\n- [ ] item\n`, 8, /Only checklist nodes/],
    ["bad quoted title", `${front()}\n## a1 · action: "unterminated\n`, 6, /JSON string/],
    ["text before the first node", `${front()}stray words\n## a1 · action: One\n`, 5, /Text before the first node/],
  ];
  it.each(cases)("%s", (_name, text, line, message) => {
    const errors = errorsOf(textToGraph(text));
    expect(errors).toContainEqual({ line, message: expect.stringMatching(message) });
  });
});
