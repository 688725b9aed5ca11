import { describe, expect, it } from "vitest";
import { bodyFor, emptyForm, parseTags, serverFieldErrors, validateForm } from "./step-form";

describe("step form", () => {
  it("parses tags like the server: trimmed, empty ones dropped, duplicates ignoring case", () => {
    expect(parseTags(" vpn, Outlook ,, VPN ,outlook")).toEqual(["vpn", "Outlook"]);
  });

  it("sends answers only for a question and a script only for a script reference", () => {
    const question = bodyFor({ ...emptyForm(), title: " Q ", kind: "question", answers: ["Yes", " No ", ""], scriptRef: "x" });
    expect(question).toMatchObject({ title: "Q", answers: ["Yes", "No"], script_ref: null, team_id: null });
    const script = bodyFor({ ...emptyForm(), title: "S", kind: "script_ref", scriptRef: " cleanup.ps1 " });
    expect(script).toMatchObject({ answers: [], script_ref: "cleanup.ps1" });
  });

  it("finds what the server would refuse", () => {
    expect(validateForm({ ...emptyForm(), title: "" })).toEqual({ title: "Give the step a title." });
    expect(validateForm({ ...emptyForm(), title: "Q", kind: "question", answers: ["Yes"] }).answers).toBe("A question needs at least two answers.");
    expect(validateForm({ ...emptyForm(), title: "Q", kind: "question", answers: ["Yes", "yes"] }).answers).toBe("A question's answers must differ.");
    expect(validateForm({ ...emptyForm(), title: "S", kind: "script_ref" }).script_ref).toBe("Name the script this step runs.");
    expect(validateForm({ ...emptyForm(), title: "Fine" })).toEqual({});
  });

  it("puts a server error on the field its loc names, also inside a list", () => {
    expect(
      serverFieldErrors([
        { loc: ["body", "answers"], msg: "Value error, a question needs at least two answers" },
        { loc: ["body", "answers", 1], msg: "too long" },
        { loc: ["body", "body"], msg: "too long" },
        { loc: [], msg: "odd" },
      ]),
    ).toEqual({ answers: "a question needs at least two answers too long", body: "too long", form: "odd" });
  });
});
