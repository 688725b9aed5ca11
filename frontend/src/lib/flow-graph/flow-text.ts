/**
 * A flow as Markdown text ("code mode") and back. The format is described for people in
 * docs/flows.md ("Code mode"); in short:
 *
 *     ---
 *     title: Printer offline
 *     kind: troubleshooting
 *     category: Printing
 *     tags: [printer, drivers]
 *     start: q1
 *     description: |
 *       Two or more lines,
 *       indented by two spaces.
 *     ---
 *
 *     ## q1 · question: Is it offline for everyone?
 *     <!-- at 120, 40 -->
 *
 *     The body, in Markdown.
 *
 *     -> a1 "Everyone"
 *     -> r1 "Just one user"
 *
 * Writing then reading gives back the same graph for every graph (tests hold this for the demo
 * flows and hostile bodies). Rules that make it unambiguous:
 * - In a node section, lines that start with `## ` (a node heading), `->` (a link) or
 *   `- [ ] `/`- [x] ` (a checklist item) are structure. A body line that would read as
 *   structure is written with a backslash in front (`\## Heading`); reading removes exactly one
 *   backslash from a line whose remainder (after its leading backslashes) would be structure.
 * - Property lines (`variable:`, `input:`, `outcome:`, `flow:`, `script:`, `step:`, `body:` and
 *   the position comment) are only those directly under the heading, before the first other line.
 * - Titles, labels, items and values are written as is, or as a JSON string (`"..."`) when they
 *   are empty, start with a quote, have surrounding spaces or a line break. A body that starts or
 *   ends with a blank line, or holds a carriage return, is written as a JSON string on `body:`.
 */
import {
  type EditorGraph,
  FLOW_KINDS,
  type FlowKind,
  type FlowMeta,
  type GraphEdge,
  type GraphNode,
  isFlowKind,
  isNodeType,
  isOutcome,
  NODE_TYPES,
  type NodeType,
  OUTCOMES,
  type Outcome,
  type Position,
} from "./types";
import { edgeIdFor, newNode } from "./convert";

/** A problem in the text, at its 1-based line. */
export interface TextError {
  line: number;
  message: string;
}

export type TextParse = { ok: true; graph: EditorGraph } | { ok: false; errors: TextError[] };

type CodeNode = GraphNode;

const SEP = "·";
const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const POSITION = new RegExp(String.raw`^<!--\s*at\s+(${NUM})\s*,\s*(${NUM})\s*-->\s*$`);
const PROP = /^(variable|input|outcome|flow|script|step|body):(.*)$/;
const HEADING = /^##(?:\s|$)/;
const EDGE = /^->/;
const ITEM = /^- \[[ xX]\](?:\s|$)/;

// ---------------------------------------------------------------------------------------------
// Writing

/** Whether a line would be read as structure (after any leading backslashes). */
function isStructural(line: string): boolean {
  const rest = line.replace(/^\\+/, "");
  return HEADING.test(rest) || EDGE.test(rest) || ITEM.test(rest);
}

function escapeLine(line: string): string {
  return isStructural(line) ? `\\${line}` : line;
}

function unescapeLine(line: string): string {
  return line.startsWith("\\") && isStructural(line) ? line.slice(1) : line;
}

/** A value as is when that reads back the same, else as a JSON string. */
export function encodeValue(s: string): string {
  const plain = s !== "" && s === s.trim() && !/^["|]/.test(s) && !/[\r\n]/.test(s);
  return plain ? s : JSON.stringify(s);
}

const isBlank = (line: string) => line.trim() === "";

/** Lines that read back as exactly `text` once blank lines around them are dropped. */
function asLines(text: string): string[] | null {
  if (text.includes("\r")) return null;
  const lines = text.split("\n");
  if (isBlank(lines[0] ?? "") || isBlank(lines[lines.length - 1] ?? "")) return null;
  return lines;
}

const formatNumber = (n: number) => String(n);

function writeTags(tags: readonly string[]): string {
  const simple = tags.every((t) => t !== "" && t === t.trim() && !/[,[\]"\r\n]/.test(t));
  return simple ? `[${tags.join(", ")}]` : JSON.stringify(tags);
}

function writeMeta(meta: FlowMeta, start: string | null): string[] {
  const out = ["---", `title: ${encodeValue(meta.title)}`, `kind: ${meta.kind}`];
  if (meta.category) out.push(`category: ${encodeValue(meta.category)}`);
  if (meta.tags.length > 0) out.push(`tags: ${writeTags(meta.tags)}`);
  if (start) out.push(`start: ${start}`);
  if (meta.description) {
    const lines = meta.description.includes("\n") ? asLines(meta.description) : null;
    if (lines) {
      out.push("description: |", ...lines.map((l) => (l === "" ? "" : `  ${l}`)));
    } else {
      out.push(`description: ${encodeValue(meta.description)}`);
    }
  }
  out.push("---");
  return out;
}

function writeNode(n: CodeNode, edges: readonly GraphEdge[]): string[] {
  const out = [`## ${n.id} ${SEP} ${n.type}: ${encodeValue(n.title)}`];
  if (n.position) out.push(`<!-- at ${formatNumber(n.position.x)}, ${formatNumber(n.position.y)} -->`);
  if (n.type === "input") {
    out.push(`variable: ${encodeValue(n.variable)}`);
    if (n.input_type === "secret") out.push("input: secret");
  }
  if (n.type === "resolution") out.push(`outcome: ${n.outcome}`);
  if (n.type === "subflow" && n.flow_id) out.push(`flow: ${n.flow_id}`);
  if (n.script_id) out.push(`script: ${n.script_id}`);
  if (n.step_id) out.push(`step: ${n.step_id}${n.step_revision != null ? ` r${n.step_revision}` : ""}`);
  const bodyLines = n.body === "" ? [] : asLines(n.body);
  if (bodyLines === null) out.push(`body: ${JSON.stringify(n.body)}`);
  if (bodyLines && bodyLines.length > 0) out.push("", ...bodyLines.map(escapeLine));
  if (n.type === "checklist" && n.items.length > 0) {
    out.push("", ...n.items.map((item) => `- [ ] ${encodeValue(item)}`));
  }
  if (edges.length > 0) {
    out.push("", ...edges.map((e) => (e.label ? `-> ${e.target} ${JSON.stringify(e.label)}` : `-> ${e.target}`)));
  }
  return out;
}

/** The flow as code-mode text (ends with a newline). */
export function graphToText(g: EditorGraph): string {
  const bySource = new Map<string, GraphEdge[]>();
  for (const e of g.edges) {
    const list = bySource.get(e.source);
    if (list) list.push(e);
    else bySource.set(e.source, [e]);
  }
  const out = writeMeta(g.meta, g.start);
  for (const n of g.nodes) out.push("", ...writeNode(n, bySource.get(n.id) ?? []));
  // Links from a node that isn't in the graph can't be written under it; a draft has none.
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

class Problems {
  list: TextError[] = [];
  add(line: number, message: string) {
    this.list.push({ line, message });
  }
}

/** A value as `encodeValue` writes it (or as a person types it: plain text, trimmed). */
function decodeValue(raw: string, line: number, what: string, problems: Problems): string | null {
  const v = raw.trim();
  if (!v.startsWith('"')) return v;
  try {
    const parsed: unknown = JSON.parse(v);
    if (typeof parsed === "string") return parsed;
  } catch {
    // reported below
  }
  problems.add(line, `${what}: a quoted value must be a complete JSON string, e.g. "Yes \\"really\\"".`);
  return null;
}

function parseTags(raw: string, line: number, problems: Problems): string[] | null {
  const v = raw.trim();
  if (v.startsWith("[") && v.endsWith("]")) {
    const inner = v.slice(1, -1);
    if (inner.includes('"')) {
      try {
        const parsed: unknown = JSON.parse(v);
        if (Array.isArray(parsed) && parsed.every((t) => typeof t === "string")) return parsed as string[];
      } catch {
        // reported below
      }
      problems.add(line, "tags: write [a, b] or a JSON list of strings.");
      return null;
    }
    return inner.split(",").map((t) => t.trim()).filter((t) => t !== "");
  }
  return v.split(",").map((t) => t.trim()).filter((t) => t !== "");
}

const META_KEYS = ["title", "kind", "category", "tags", "start", "description"] as const;
type MetaKey = (typeof META_KEYS)[number];

interface ParsedMeta {
  meta: FlowMeta;
  start: { id: string; line: number } | null;
  /** Index of the first line after the closing `---`. */
  next: number;
}

function parseFrontMatter(lines: readonly string[], problems: Problems): ParsedMeta | null {
  let i = 0;
  while (i < lines.length && isBlank(lines[i] ?? "")) i++;
  if (lines[i]?.trim() !== "---") {
    problems.add(i + 1, "The text starts with front matter: a line `---`, then `title: ...` and the other flow fields, then `---`.");
    return null;
  }
  const open = i;
  const meta: FlowMeta = { title: "", description: "", kind: "troubleshooting", category: "", tags: [] };
  let start: ParsedMeta["start"] = null;
  const seen = new Set<MetaKey>();
  let hasTitle = false;
  i++;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trimEnd() === "---") {
      if (!hasTitle) problems.add(open + 1, "Front matter needs a `title:`.");
      return { meta, start, next: i + 1 };
    }
    if (isBlank(line)) continue;
    const m = /^([A-Za-z_]+)\s*:(.*)$/.exec(line);
    if (!m) {
      problems.add(i + 1, "Front matter lines read `key: value` (title, kind, category, tags, start, description).");
      continue;
    }
    const key = (m[1] ?? "").toLowerCase();
    const value = m[2] ?? "";
    if (!(META_KEYS as readonly string[]).includes(key)) {
      problems.add(i + 1, `Unknown front matter key "${key}" (use ${META_KEYS.join(", ")}).`);
      continue;
    }
    const k = key as MetaKey;
    if (seen.has(k)) problems.add(i + 1, `"${k}" is given twice.`);
    seen.add(k);
    switch (k) {
      case "title": {
        const v = decodeValue(value, i + 1, "title", problems);
        if (v !== null) {
          if (v === "" && value.trim() === "") problems.add(i + 1, "The flow needs a title.");
          else {
            meta.title = v;
            hasTitle = true;
          }
        } else hasTitle = true;
        break;
      }
      case "kind": {
        const v = value.trim();
        if (isFlowKind(v)) meta.kind = v as FlowKind;
        else problems.add(i + 1, `Unknown kind "${v}" (one of ${FLOW_KINDS.join(", ")}).`);
        break;
      }
      case "category": {
        const v = decodeValue(value, i + 1, "category", problems);
        if (v !== null) meta.category = v;
        break;
      }
      case "tags": {
        const v = parseTags(value, i + 1, problems);
        if (v) meta.tags = v;
        break;
      }
      case "start": {
        const v = value.trim();
        if (v !== "") start = { id: v, line: i + 1 };
        break;
      }
      case "description": {
        if (value.trim() === "|") {
          const block: string[] = [];
          while (i + 1 < lines.length) {
            const next = lines[i + 1] ?? "";
            if (next.startsWith("  ")) block.push(next.slice(2));
            else if (next === "") block.push("");
            else break;
            i++;
          }
          while (block.length > 0 && block[block.length - 1] === "") block.pop();
          meta.description = block.join("\n");
        } else {
          const v = decodeValue(value, i + 1, "description", problems);
          if (v !== null) meta.description = v;
        }
        break;
      }
    }
  }
  problems.add(open + 1, "The front matter is not closed: add a line `---` after the flow fields.");
  return null;
}

interface ParsedNode {
  node: CodeNode;
  line: number;
  /** Fields the text said (the rest come from the node as it was, when there was one). */
  hasPosition: boolean;
  edges: { target: string; label: string; line: number }[];
}

/** The heading's parts; `id` alone (type null) when only the id could be read, so links to it still count. */
function parseHeading(line: string, lineNo: number, problems: Problems): { id: string; type: NodeType | null; title: string } | null {
  const rest = line.replace(/^##\s*/, "");
  const m = /^(\S+)\s+(?:[·|-]\s*)?([A-Za-z_]+)\s*:(.*)$/.exec(rest);
  if (!m) {
    problems.add(lineNo, `A node heading reads "## <id> ${SEP} <type>: <title>", e.g. "## q1 ${SEP} question: Is it plugged in?".`);
    return null;
  }
  const id = m[1] ?? "";
  const type = (m[2] ?? "").toLowerCase();
  if (!NODE_ID.test(id)) {
    problems.add(lineNo, `Node id "${id}" may only use letters, digits, "-" and "_" (at most 64).`);
    return null;
  }
  let ok = true;
  if (!isNodeType(type)) {
    problems.add(lineNo, `Unknown node type "${m[2]}" (one of ${NODE_TYPES.join(", ")}).`);
    ok = false;
  }
  const rawTitle = m[3] ?? "";
  let title: string | null = null;
  if (rawTitle.trim() === "") problems.add(lineNo, `Node "${id}" has no title (write "" for an empty one).`);
  else title = decodeValue(rawTitle, lineNo, "title", problems);
  if (!ok || title === null) return { id, type: null, title: "" };
  return { id, type: type as NodeType, title };
}

function parseProp(
  node: CodeNode,
  key: string,
  value: string,
  lineNo: number,
  problems: Problems,
): void {
  const v = value.trim();
  switch (key) {
    case "variable": {
      const d = decodeValue(value, lineNo, "variable", problems);
      if (d !== null) node.variable = d;
      break;
    }
    case "input":
      if (v === "secret" || v === "text") node.input_type = v;
      else problems.add(lineNo, `input: is "secret" or "text", not "${v}".`);
      break;
    case "outcome":
      if (isOutcome(v)) node.outcome = v as Outcome;
      else problems.add(lineNo, `Unknown outcome "${v}" (one of ${OUTCOMES.join(", ")}).`);
      break;
    case "flow":
      if (v === "") node.flow_id = null;
      else if (UUID.test(v)) node.flow_id = v;
      else problems.add(lineNo, "flow: takes the subflow's id (a UUID; pick it on the canvas to fill it in).");
      break;
    case "script":
      if (v === "") node.script_id = null;
      else if (UUID.test(v)) node.script_id = v;
      else problems.add(lineNo, "script: takes the script's id (a UUID).");
      break;
    case "step": {
      const m = /^(\S+)(?:\s+r(\d+))?$/.exec(v);
      if (m && UUID.test(m[1] ?? "")) {
        node.step_id = m[1] ?? null;
        node.step_revision = m[2] ? Number(m[2]) : null;
      } else problems.add(lineNo, "step: takes the library step's id and revision, e.g. step: <uuid> r3.");
      break;
    }
    case "body": {
      const d = decodeValue(value, lineNo, "body", problems);
      if (d !== null) node.body = d;
      break;
    }
  }
}

/** Reads one node section: `lines[from]` is its heading, `to` the next heading (exclusive). */
function parseSection(lines: readonly string[], from: number, to: number, problems: Problems): ParsedNode | null {
  const heading = parseHeading(lines[from] ?? "", from + 1, problems);
  const node: CodeNode = newNode(heading?.id ?? "", heading?.type ?? "checklist", heading?.title ?? "", null);
  const parsed: ParsedNode = { node, line: from + 1, hasPosition: false, edges: [] };
  let i = from + 1;
  const given = new Set<string>();
  let bodyProp = false;
  for (; i < to; i++) {
    const line = lines[i] ?? "";
    const pos = POSITION.exec(line);
    if (pos) {
      if (given.has("position")) problems.add(i + 1, "The position is given twice.");
      given.add("position");
      node.position = { x: Number(pos[1]), y: Number(pos[2]) };
      parsed.hasPosition = true;
      continue;
    }
    const m = PROP.exec(line);
    if (!m) break;
    const key = m[1] ?? "";
    if (given.has(key)) problems.add(i + 1, `"${key}:" is given twice.`);
    given.add(key);
    if (key === "body") bodyProp = true;
    parseProp(node, key, m[2] ?? "", i + 1, problems);
  }
  const body: string[] = [];
  let bodyLine = 0;
  for (; i < to; i++) {
    const line = lines[i] ?? "";
    if (EDGE.test(line)) {
      const m = /^->\s*([^\s"]+)(.*)$/.exec(line);
      const target = m?.[1] ?? "";
      if (!m || !NODE_ID.test(target)) {
        problems.add(i + 1, 'A link reads -> <node id> "label" (the label is optional).');
        continue;
      }
      const rest = (m[2] ?? "").trim();
      const label = rest === "" ? "" : decodeValue(rest, i + 1, "label", problems);
      if (label !== null) parsed.edges.push({ target, label, line: i + 1 });
      continue;
    }
    if (ITEM.test(line)) {
      if (node.type !== "checklist") {
        problems.add(i + 1, 'Only checklist nodes have "- [ ]" items (write "\\- [ ]" to keep the line in the body).');
        continue;
      }
      const item = decodeValue(line.replace(/^- \[[ xX]\]\s?/, ""), i + 1, "item", problems);
      if (item !== null) node.items.push(item);
      continue;
    }
    if (!bodyLine && !isBlank(line)) bodyLine = i + 1;
    body.push(unescapeLine(line));
  }
  while (body.length > 0 && isBlank(body[0] ?? "")) body.shift();
  while (body.length > 0 && isBlank(body[body.length - 1] ?? "")) body.pop();
  if (body.length > 0) {
    if (bodyProp) problems.add(bodyLine, 'The body is given twice: as "body:" and as text.');
    else node.body = body.join("\n");
  }
  return heading ? parsed : null;
}

/** The node that `fresh` replaces: its fields the text doesn't show are kept. */
function mergeNode(p: ParsedNode, before: CodeNode | undefined): CodeNode {
  const n = p.node;
  if (!before) return n;
  const merged: CodeNode = { ...before, type: n.type, title: n.title, body: n.body, step_id: n.step_id, step_revision: n.step_revision };
  merged.position = p.hasPosition ? n.position : before.position;
  if ("script_id" in before || n.script_id) merged.script_id = n.script_id ?? null;
  if (n.type === "checklist") merged.items = n.items;
  if (n.type === "input") {
    merged.variable = n.variable;
    merged.input_type = n.input_type;
  }
  if (n.type === "resolution") merged.outcome = n.outcome;
  if (n.type === "subflow") merged.flow_id = n.flow_id;
  return sameNode(merged, before) ? before : merged;
}

function samePosition(a: Position | null, b: Position | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);
}

function sameNode(a: CodeNode, b: CodeNode): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CodeNode>;
  for (const k of keys) {
    if (k === "position") {
      if (!samePosition(a.position, b.position)) return false;
    } else if (k === "items") {
      if (a.items.length !== b.items.length || a.items.some((x, i) => x !== b.items[i])) return false;
    } else if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  }
  return true;
}

function sameMeta(a: FlowMeta, b: FlowMeta): boolean {
  return (
    a.title === b.title &&
    a.description === b.description &&
    a.kind === b.kind &&
    a.category === b.category &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

/**
 * Reads code-mode text. With `base` (the graph as it is), what the text doesn't show is kept
 * from it: positions of nodes written without one, fields of other node types, edge ids; and
 * unchanged nodes, edges and meta keep their identity, so nothing re-renders or becomes an undo
 * step for nothing.
 */
export function textToGraph(text: string, base?: EditorGraph): TextParse {
  const lines = text.split(/\r\n|\n/);
  const problems = new Problems();
  const front = parseFrontMatter(lines, problems);
  if (!front) return { ok: false, errors: problems.list };

  const headings: number[] = [];
  for (let i = front.next; i < lines.length; i++) if (HEADING.test(lines[i] ?? "")) headings.push(i);
  const firstHeading = headings[0] ?? lines.length;
  for (let i = front.next; i < firstHeading; i++) {
    if (!isBlank(lines[i] ?? "")) {
      problems.add(i + 1, `Text before the first node: each node starts with "## <id> ${SEP} <type>: <title>".`);
      break;
    }
  }
  const sections: ParsedNode[] = [];
  const ids = new Map<string, number>();
  headings.forEach((at, k) => {
    const p = parseSection(lines, at, headings[k + 1] ?? lines.length, problems);
    if (!p) return;
    const first = ids.get(p.node.id);
    if (first !== undefined) {
      problems.add(p.line, `Duplicate node id "${p.node.id}" (first used on line ${first}).`);
      return;
    }
    ids.set(p.node.id, p.line);
    sections.push(p);
  });
  for (const p of sections) {
    for (const e of p.edges) {
      if (!ids.has(e.target)) problems.add(e.line, `Link to unknown node "${e.target}".`);
    }
  }
  if (front.start && !ids.has(front.start.id)) problems.add(front.start.line, `start: there is no node "${front.start.id}".`);
  if (problems.list.length > 0) {
    return { ok: false, errors: [...problems.list].sort((a, b) => a.line - b.line) };
  }

  const beforeNodes = new Map<string, CodeNode>((base?.nodes ?? []).map((n) => [n.id, n]));
  const nodes = sections.map((p) => mergeNode(p, beforeNodes.get(p.node.id)));

  // Edges: reuse the ids (and objects) of the edges that were there.
  const unused = new Map<string, GraphEdge[]>();
  for (const e of base?.edges ?? []) {
    const key = `${e.source}\u0000${e.target}\u0000${e.label}`;
    unused.set(key, [...(unused.get(key) ?? []), e]);
  }
  const taken = new Set<string>();
  const fresh: { source: string; target: string; label: string }[] = [];
  const edges: (GraphEdge | null)[] = [];
  for (const p of sections) {
    for (const e of p.edges) {
      const reuse = unused.get(`${p.node.id}\u0000${e.target}\u0000${e.label}`)?.shift();
      if (reuse) {
        taken.add(reuse.id);
        edges.push(reuse);
      } else {
        edges.push(null);
        fresh.push({ source: p.node.id, target: e.target, label: e.label });
      }
    }
  }
  let f = 0;
  const allEdges: GraphEdge[] = edges.map((e) => {
    if (e) return e;
    const n = fresh[f++] as { source: string; target: string; label: string };
    const id = edgeIdFor(n.source, n.target, taken);
    taken.add(id);
    return { id, ...n };
  });

  const same = <T>(a: readonly T[], b: readonly T[] | undefined) => b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
  const meta = base && sameMeta(front.meta, base.meta) ? base.meta : front.meta;
  return {
    ok: true,
    graph: {
      meta,
      start: front.start?.id ?? null,
      nodes: base && same(nodes, base.nodes) ? base.nodes : nodes,
      edges: base && same(allEdges, base.edges) ? base.edges : allEdges,
    },
  };
}
