import { describe, expect, it } from "vitest";
import { backDepth, describeEvent, foldOutput, formatStepTime } from "./timeline";

const ev = (type: string, payload: Record<string, unknown> = {}) => ({ type, payload });

describe("describeEvent", () => {
  it("says which answers FlowPilot took from the intake, with the words it read, and going back to one", () => {
    const d = describeEvent(
      ev("answer", { node_type: "question", title: "Does it charge on battery?", answer: "No", inferred_from_intake: true, evidence: "It won't charge on battery." }),
    );
    expect(d).toMatchObject({ label: "Answered from the intake", text: "Does it charge on battery?" });
    expect(d.details).toEqual(["Answer: No", "The intake said: “It won't charge on battery.”"]);
    expect(describeEvent(ev("answer", { node_type: "question", title: "Q", answer: "Yes" })).label).toBe("Answered");
    const back = describeEvent(ev("pilot_went_back", { text: "Does it charge on battery?\n\nBody", was_inferred: true }));
    expect(back).toMatchObject({ label: "Went back to a question skipped from the intake", text: "Does it charge on battery?" });
  });

  it("shows the copilot exchange: the question, the reply with its confidence, engine and sources", () => {
    expect(describeEvent(ev("copilot_question", { content: "Gateway unreachable?" }))).toMatchObject({
      label: "Asked the copilot",
      markdown: "Gateway unreachable?",
    });
    expect(describeEvent(ev("copilot_question", { content: "x", via: "assist" })).label).toBe("Asked ResolutionAssist");
    const reply = describeEvent(
      ev("copilot_reply", {
        content: "Check the **port**.",
        confidence: 0.66,
        confidence_label: "medium",
        tier: "fast",
        model: "offline",
        note: "Fell back to the offline engine.",
        sources: [{ kind: "flow", id: "f", title: "VPN won't connect" }],
      }),
    );
    expect(reply).toMatchObject({ label: "Copilot answered", markdown: "Check the **port**." });
    expect(reply.details).toEqual(["Confidence: medium (0.66) — fast · offline", "Fell back to the offline engine.", "Sources: VPN won't connect"]);
  });

  it("shows an accepted suggestion as a step, with its instructions, source and command", () => {
    const d = describeEvent(
      ev("suggestion_accepted", {
        title: "Test the gateway port",
        instructions: "A blocked port points at the network.",
        command: "Test-NetConnection vpn.example.com -Port 443",
        source_title: "VPN won't connect",
        source_kind: "flow",
        reply_seq: 4,
      }),
    );
    expect(d).toMatchObject({
      label: "Suggestion accepted",
      tone: "success",
      text: "Test the gateway port",
      details: ["A blocked port points at the network.", "From flow “VPN won't connect”"],
      command: "Test-NetConnection vpn.example.com -Port 443",
    });
  });

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

describe("describeEvent: FlowPilot", () => {
  it("shows the intake with what triage read, and the flow it proposed, accepted or declined", () => {
    const intake = describeEvent(
      ev("pilot_intake", { text: "GlobalProtect won't connect\nmore", triage: { category: "remote access / VPN", client: "", asset: "LT-042" } }),
    );
    expect(intake).toMatchObject({ label: "FlowPilot started from the intake", text: "GlobalProtect won't connect" });
    expect(intake.details).toEqual(["Category: remote access / VPN", "Asset: LT-042"]);
    expect(describeEvent(ev("flow_proposed", { title: "VPN won't connect", score: 0.85 })).text).toBe("VPN won't connect (match 85%)");
    expect(describeEvent(ev("flow_accepted", { title: "VPN won't connect" }))).toMatchObject({ label: "Flow accepted", tone: "success" });
    expect(describeEvent(ev("flow_declined", { title: "VPN won't connect" })).label).toBe("Flow declined");
  });

  it("shows steps shown and answered (first line only), skips and confidence", () => {
    expect(describeEvent(ev("pilot_step_shown", { type: "fork", text: "Which one?" }))).toMatchObject({ label: "FlowPilot fork", tone: "quiet" });
    expect(describeEvent(ev("pilot_step_answered", { text: "Internet works?\n\nbody", option: "Yes", answer_text: "fast" }))).toMatchObject({
      label: "Answered FlowPilot",
      text: "Internet works?",
      details: ["Answer: Yes — fast"],
    });
    expect(describeEvent(ev("pilot_step_answered", { text: "Q", skipped: true }))).toMatchObject({ label: "FlowPilot step skipped", details: [] });
    expect(describeEvent(ev("pilot_confidence", { confidence: 0.8, tier: "guided" })).text).toBe("80% · Guided");
  });

  it("shows facts, fixes and triage edits", () => {
    expect(describeEvent(ev("fact_proposed", { text: "Router fine" })).label).toBe("Fact proposed");
    expect(describeEvent(ev("fact_confirmed", { text: "Router fine", origin: "engineer" })).label).toBe("Fact added");
    expect(describeEvent(ev("fact_confirmed", { text: "Router fine" })).label).toBe("Fact confirmed");
    expect(describeEvent(ev("fact_edited", { text: "B", from: "A" })).details).toEqual(["Was: A"]);
    expect(describeEvent(ev("fact_deleted", { text: "A" })).label).toBe("Fact deleted");
    expect(describeEvent(ev("fix_proposed", { title: "Clear cache" }))).toMatchObject({ label: "Fix proposed", text: "Clear cache" });
    expect(describeEvent(ev("fix_status", { title: "Clear cache", status: "applied", outcome: "success" }))).toMatchObject({
      label: "Fix applied",
      tone: "success",
      details: ["Outcome: Success"],
    });
    expect(describeEvent(ev("fix_status", { title: "Clear cache", status: "verifying" })).label).toBe("Verifying fix");
    expect(describeEvent(ev("triage_edited", { fields: { client: "Contoso" } })).details).toEqual(["Client: Contoso"]);
  });
});

describe("describeEvent: escalations", () => {
  const ev = (type: string, payload: Record<string, unknown>) => ({ type, payload });
  it("shows the escalation's reason and priority, and who picked it up", () => {
    expect(describeEvent(ev("escalated", { handoff_id: "h", reason: "Out of ideas", priority: "high" }))).toMatchObject({
      label: "Escalated",
      tone: "warning",
      text: "Out of ideas",
      details: ["Priority: High"],
    });
    expect(describeEvent(ev("claimed", { handoff_id: "h", claimed_by: "Alex Admin" }))).toMatchObject({
      label: "Picked up",
      text: "Alex Admin picked up the session",
    });
  });
});

describe("step durations", () => {
  it("reads as seconds, minutes and seconds, or hours and minutes", () => {
    expect(formatStepTime(45.4)).toBe("45s");
    expect(formatStepTime(130)).toBe("2m 10s");
    expect(formatStepTime(3600 + 5 * 60 + 59)).toBe("1h 05m");
  });

  it("describes a park and a resume that took it back", () => {
    const parked = describeEvent({ type: "parked", payload: { note: "Waiting on the user", handoff_id: "h" } });
    expect(parked.label).toBe("Parked");
    expect(parked.text).toBe("Waiting on the user");
    expect(describeEvent({ type: "resumed", payload: { took_back_handoff_id: "h" } }).text).toBe("Taken back from the park");
  });
});

describe("an attachment removed from the session", () => {
  it("says which file was removed", () => {
    const d = describeEvent({ type: "attachment_removed", payload: { attachment_id: "a1", filename: "password.png" } });
    expect(d.label).toBe("Attachment removed");
    expect(d.text).toBe("password.png");
    expect(d.attachment).toBeUndefined();
  });
});
