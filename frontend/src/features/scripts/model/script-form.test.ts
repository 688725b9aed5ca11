import { describe, expect, it } from "vitest";
import { bodyOf, emptyForm, emptyParam, hasProblems, problemsOf, type ScriptForm, withMissingParams } from "./script-form";

const form = (over: Partial<ScriptForm> = {}): ScriptForm => ({ ...emptyForm(), title: "Ping", body: "ping {{host}}", ...over });

describe("script form checks", () => {
  it("names placeholders that are not declared, and offers parameters for them", () => {
    const f = form();
    expect(problemsOf(f).body).toBe("Not declared as parameters: {{host}}. Add them below.");
    const fixed = withMissingParams(f);
    expect(fixed.params.map((p) => p.name)).toEqual(["host"]);
    expect(hasProblems(problemsOf(fixed))).toBe(false);
  });

  it("names unused, duplicate and badly named parameters", () => {
    const a = { ...emptyParam("host") };
    const b = { ...emptyParam("host") };
    const c = { ...emptyParam("1bad") };
    const d = { ...emptyParam("unused") };
    const p = problemsOf(form({ params: [a, b, c, d] })).params;
    expect(p[a.key]).toBeUndefined();
    expect(p[b.key]?.name).toBe("Declared twice.");
    expect(p[c.key]?.name).toMatch(/Letters, digits/);
    expect(p[d.key]?.name).toBe("The body never uses {{unused}}.");
  });

  it("checks defaults, patterns and choices for their type", () => {
    const secret = { ...emptyParam("host"), type: "secret" as const, default: "hunter2" };
    expect(problemsOf(form({ params: [secret] })).params[secret.key]?.default).toMatch(/secret cannot have a default/);
    const int = { ...emptyParam("host"), type: "int" as const, default: "4; rm" };
    expect(problemsOf(form({ params: [int] })).params[int.key]?.default).toBe("Must be a whole number.");
    const choice = { ...emptyParam("host"), type: "choice" as const };
    expect(problemsOf(form({ params: [choice] })).params[choice.key]?.choices).toMatch(/List the choices/);
    const pattern = { ...emptyParam("host"), pattern: "(" };
    expect(problemsOf(form({ params: [pattern] })).params[pattern.key]?.pattern).toBe("Not a valid regular expression.");
    const cmd = { ...emptyParam("host"), default: "%PATH%" };
    expect(problemsOf(form({ language: "cmd", params: [cmd] })).params[cmd.key]?.default).toMatch(/cmd cannot quote/);
  });

  it("becomes the API body with typed defaults", () => {
    const n = { ...emptyParam("count"), type: "int" as const, default: "3", required: true };
    const c = { ...emptyParam("mode"), type: "choice" as const, choices: "fast, slow", default: "fast", help: " How " };
    const body = bodyOf(form({ body: "ping -n {{count}} {{mode}}", tags: "net, icmp", params: [n, c] }));
    expect(body.tags).toEqual(["net", "icmp"]);
    expect(body.params).toEqual([
      { name: "count", type: "int", required: true, default: 3, pattern: null, choices: [], help: "" },
      { name: "mode", type: "choice", required: false, default: "fast", pattern: null, choices: ["fast", "slow"], help: "How" },
    ]);
  });
});
