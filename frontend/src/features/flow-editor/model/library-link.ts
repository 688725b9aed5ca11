/**
 * Library steps <-> editor nodes: what a step becomes when inserted (and keeps its link), what a
 * node becomes when saved to the library, and what "update from library" changes.
 *
 * A checklist travels as a `check` step whose body ends in a Markdown task list (`- [ ] item`);
 * inserting such a step gives a checklist node again, so a checklist survives the round trip.
 * Updating from the library changes the title, body (and a checklist's items), never the node's
 * type, connections or other fields.
 */
import type { GraphNode, NodeType } from "@/lib/flow-graph/types";
import type { LibraryStep, LibraryStepCreate } from "@/lib/steps";
import type { NodeFields } from "./editor-store";

const TASK = /^\s*[-*] \[[ xX]\] (.*)$/;

/** A body's trailing task list split off: `{ body, items }` (no items when it has none). */
export function splitTaskList(body: string): { body: string; items: string[] } {
  const lines = body.replace(/\s+$/, "").split("\n");
  let i = lines.length;
  while (i > 0 && TASK.test(lines[i - 1]!)) i--;
  if (i === lines.length) return { body, items: [] };
  const items = lines.slice(i).map((l) => l.match(TASK)![1]!.trim());
  return { body: lines.slice(0, i).join("\n").replace(/\s+$/, ""), items };
}

export function joinTaskList(body: string, items: readonly string[]): string {
  const list = items.filter((x) => x.trim()).map((x) => `- [ ] ${x.trim()}`);
  if (list.length === 0) return body;
  return body.trim() ? `${body.replace(/\s+$/, "")}\n\n${list.join("\n")}` : list.join("\n");
}

/** The node type a step is inserted as. */
export function nodeTypeForStep(step: Pick<LibraryStep, "kind" | "body">): NodeType {
  if (step.kind === "question") return "question";
  if (step.kind === "check" && splitTaskList(step.body).items.length > 0) return "checklist";
  return "action";
}

/** A step's content as a new node's fields, linked to the step at its current revision. */
export function nodeFromStep(step: Pick<LibraryStep, "id" | "kind" | "title" | "body" | "revision">): { type: NodeType; title: string; fields: NodeFields } {
  const type = nodeTypeForStep(step);
  const split = type === "checklist" ? splitTaskList(step.body) : { body: step.body, items: [] };
  return { type, title: step.title, fields: { body: split.body, items: split.items, step_id: step.id, step_revision: step.revision } };
}

/** Node types that make sense as reusable steps (a resolution ends a flow, a subflow is one). */
export function canSaveToLibrary(type: NodeType): boolean {
  return type === "question" || type === "action" || type === "checklist" || type === "input";
}

/** The step "Save to library" creates from a node; a question's answers are its connections' labels. */
export function stepFromNode(node: GraphNode, answerLabels: readonly string[], meta: { category: string; tags: readonly string[] }): LibraryStepCreate {
  const base = { title: node.title.trim(), category: meta.category, tags: [...meta.tags] };
  switch (node.type) {
    case "question":
      return { ...base, kind: "question", body: node.body, answers: answerLabels.map((a) => a.trim()).filter(Boolean) };
    case "checklist":
      return { ...base, kind: "check", body: joinTaskList(node.body, node.items), answers: [] };
    default:
      return { ...base, kind: "action", body: node.body, answers: [] };
  }
}

/** True when the library copy moved on since the node copied it. */
export function isOutdated(node: Pick<GraphNode, "step_revision">, step: Pick<LibraryStep, "revision">): boolean {
  return node.step_revision == null || step.revision > node.step_revision;
}

/** The change "Update from library" makes to a node. */
export function updateFromStep(node: GraphNode, step: Pick<LibraryStep, "title" | "body" | "revision">): Partial<GraphNode> {
  if (node.type === "checklist") {
    const split = splitTaskList(step.body);
    return { title: step.title, body: split.body, items: split.items.length > 0 ? split.items : node.items, step_revision: step.revision };
  }
  return { title: step.title, body: step.body, step_revision: step.revision };
}

/** A linked question's library answers that none of its connections carries yet. */
export function missingAnswers(step: Pick<LibraryStep, "kind" | "answers">, labels: readonly string[]): string[] {
  if (step.kind !== "question") return [];
  const have = new Set(labels.map((l) => l.trim().toLowerCase()));
  return step.answers.filter((a) => !have.has(a.trim().toLowerCase()));
}
