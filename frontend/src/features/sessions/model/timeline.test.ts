import { describe, expect, it } from "vitest";
import { backDepth, describeEvent, foldOutput } from "./timeline";

const ev = (type: string, payload: Record<string, unknown> = {}) => ({ type, payload });

describe("describeEvent", () => {
  it("shows a question's answer", () => {
    const d = describeEvent(ev("answer", { node_type: "question", title: "Does it start in safe mode?", answer: "Yes" }));
    expect(d).toMatchObject({ label: "Answered", text: "Does it start in safe mode?", details: ["Answer: Yes"], tone: "default" });
  });

  it("shows an input's variable and value, and an action's result", () => {
    expect(describeEvent(ev("answer", { node_type: "input", title: "Client?", variable: "vpn_client", value: "FortiClient 7.2" })).details).toEqual([
      "vpn_client = FortiClient 7.2",
    ]);
    expect(describeEvent(ev("answer", { node_type: "action", title: "Reset the password", result: "Worked" }))).toMatchObject({
      label: "Done",
      details: ["Result: Worked"],
    });
  });

  it("lists a completed checklist's items", () => {
    expect(describeEvent(ev("answer", { node_type: "checklist", title: "Pre-flight", items: ["Backup", "Close Teams"] })).list).toEqual([
      "Backup",
      "Close Teams",
    ]);
  });

  it("marks going back, switching flows and subflows clearly", () => {
    expect(describeEvent(ev("went_back", { title: "Scope" }))).toMatchObject({ label: "Went back", tone: "marked", text: "Back to “Scope”" });
    expect(describeEvent(ev("flow_switched", { from_flow_title: "Wi-Fi", flow_title: "VPN", version: 3 }))).toMatchObject({
      label: "Switched flow",
      tone: "marked",
      text: "Wi-Fi → VPN (v3)",
    });
    expect(describeEvent(ev("subflow_entered", { flow_title: "Repair Office", version: 2 }))).toMatchObject({ tone: "marked", text: "Repair Office" });
    expect(describeEvent(ev("subflow_returned", { flow_title: "Repair Office", title: "Repaired", outcome: "resolved" }))).toMatchObject({
      tone: "marked",
      details: ["Ended at “Repaired” (Resolved)"],
    });
  });

  it("renders notes as Markdown and keeps command output verbatim", () => {
    expect(describeEvent(ev("note", { text: "**bold**" })).markdown).toBe("**bold**");
    expect(describeEvent(ev("command_output", { text: "  a\n\tb\n", command: "ipconfig" })).output).toEqual({ text: "  a\n\tb\n", command: "ipconfig" });
  });

  it("describes the flow finishing and the session ending", () => {
    expect(describeEvent(ev("flow_completed", { title: "VPN works", outcome: "resolved" }))).toMatchObject({
      label: "Flow finished",
      text: "VPN works (Resolved)",
      tone: "success",
    });
    expect(describeEvent(ev("unresolved", { summary: "Still broken", follow_ups: ["Call vendor"], active_seconds: 3725 }))).toMatchObject({
      label: "Marked not resolved",
      markdown: "Still broken",
      list: ["Call vendor"],
      details: ["Active time: 1:02"],
    });
  });

  it("falls back to a readable label for unknown types", () => {
    expect(describeEvent(ev("copilot_suggestion_shown")).label).toBe("Copilot suggestion shown");
  });
});

describe("foldOutput", () => {
  it("folds output longer than 15 lines", () => {
    const text = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join("\n");
    const f = foldOutput(text);
    expect(f).toMatchObject({ lines: 40, folded: true });
    expect(f.head.split("\n")).toHaveLength(15);
  });

  it("does not count a trailing newline, and leaves short output alone", () => {
    const text = `${Array.from({ length: 15 }, (_, i) => `l${i}`).join("\n")}\n`;
    expect(foldOutput(text)).toEqual({ lines: 15, folded: false, head: text });
  });
});

describe("backDepth", () => {
  const e = (type: string, id: string = crypto.randomUUID()) => ({ type, id });
  it("counts answers, minus going back, reset by a flow switch", () => {
    expect(backDepth([e("started"), e("step_shown")])).toBe(0);
    expect(backDepth([e("answer"), e("answer"), e("went_back")])).toBe(1);
    expect(backDepth([e("answer"), e("flow_switched"), e("answer")])).toBe(1);
    expect(backDepth([e("answer", "optimistic-1")])).toBe(0);
  });
});
