import { describe, expect, it } from "vitest";
import { confidenceLabel, formFromTriage, ticketBody } from "./ticket-form";

describe("ticket form", () => {
  it("fills from a triage and leaves empty choices out of the body", () => {
    const form = formFromTriage({
      summary: "Outlook crashes",
      summary_confidence: 0.6,
      description: "Outlook crashes since the update",
      company: { id: "250", name: "Acme Corporation", confidence: 0.95 },
      contact: null,
      board: { id: "1", name: "Help Desk", confidence: 0.4 },
      type: null,
      priority: { id: "2", name: "Priority 2 - High", confidence: 0.65 },
      source: "rules",
      note: null,
    });
    expect(form).toMatchObject({ company_id: "250", board_id: "1", priority: "2", type_id: "", contact_id: "" });
    expect(ticketBody({ ...form, summary: "  Outlook crashes  " })).toEqual({
      summary: "Outlook crashes",
      description: "Outlook crashes since the update",
      company_id: "250",
      contact_id: undefined,
      board_id: "1",
      type_id: undefined,
      priority: "2",
    });
  });

  it("says how sure a guess is in words", () => {
    expect([0.95, 0.6, 0.4].map(confidenceLabel)).toEqual(["sure", "likely", "a guess"]);
  });
});
