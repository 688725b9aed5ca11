import { describe, expect, it } from "vitest";
import { newNode } from "@/lib/flow-graph/convert";
import { isOutdated, joinTaskList, missingAnswers, nodeFromStep, splitTaskList, stepFromNode, updateFromStep } from "./library-link";

const step = (over: Record<string, unknown> = {}) => ({ id: "st-1", kind: "action" as const, title: "Clear the credential", body: "Open Credential Manager.", revision: 3, answers: [] as string[], ...over });

describe("library steps <-> nodes", () => {
  it("inserts a step as a node that keeps its link and revision", () => {
    expect(nodeFromStep(step())).toEqual({
      type: "action",
      title: "Clear the credential",
      fields: { body: "Open Credential Manager.", items: [], step_id: "st-1", step_revision: 3 },
    });
    expect(nodeFromStep(step({ kind: "question" })).type).toBe("question");
    expect(nodeFromStep(step({ kind: "script_ref" })).type).toBe("action");
  });

  it("round-trips a checklist through a check step's task list", () => {
    const node = { ...newNode("c1", "checklist", "Pre-flight"), body: "Before you start:", items: ["Backup PST", "Close Teams"] };
    const created = stepFromNode(node, [], { category: "Email", tags: ["outlook"] });
    expect(created).toEqual({ title: "Pre-flight", kind: "check", body: "Before you start:\n\n- [ ] Backup PST\n- [ ] Close Teams", answers: [], category: "Email", tags: ["outlook"] });
    const back = nodeFromStep({ ...step({ kind: "check" }), body: created.body! });
    expect(back.type).toBe("checklist");
    expect(back.fields).toMatchObject({ body: "Before you start:", items: ["Backup PST", "Close Teams"] });
    expect(splitTaskList("No list here.\n- plain bullet")).toEqual({ body: "No list here.\n- plain bullet", items: [] });
    expect(joinTaskList("", ["A", " "])).toBe("- [ ] A");
  });

  it("saves a question with its connections' labels as answers", () => {
    const node = { ...newNode("q1", "question", " Safe mode? "), body: "Run it." };
    expect(stepFromNode(node, ["Yes", " No ", ""], { category: "", tags: [] })).toMatchObject({ kind: "question", title: "Safe mode?", answers: ["Yes", "No"] });
  });

  it("offers an update only when the library revision moved on, and changes only title and body", () => {
    expect(isOutdated({ step_revision: 3 }, { revision: 3 })).toBe(false);
    expect(isOutdated({ step_revision: 3 }, { revision: 4 })).toBe(true);
    expect(isOutdated({ step_revision: null }, { revision: 1 })).toBe(true);
    const node = { ...newNode("a1", "action", "Old"), body: "old", step_id: "st-1", step_revision: 3 };
    expect(updateFromStep(node, { title: "New", body: "new", revision: 5 })).toEqual({ title: "New", body: "new", step_revision: 5 });
    const list = { ...newNode("c1", "checklist", "Old"), items: ["keep"], step_id: "st-1", step_revision: 1 };
    expect(updateFromStep(list, { title: "New", body: "Intro\n- [ ] One", revision: 2 })).toEqual({ title: "New", body: "Intro", items: ["One"], step_revision: 2 });
  });

  it("lists a linked question's answers its connections don't carry yet", () => {
    expect(missingAnswers({ kind: "question", answers: ["Yes", "No", "Not sure"] }, ["yes"])).toEqual(["No", "Not sure"]);
    expect(missingAnswers({ kind: "action", answers: [] }, [])).toEqual([]);
  });
});
