import { describe, expect, it } from "vitest";
import { describePsaEvent } from "./timeline";

describe("a spun-off ticket on the timeline", () => {
  it("names the new ticket, the note on the original and the copied context", () => {
    const d = describePsaEvent({
      type: "ticket_spun_off",
      payload: { ticket_id: "10007", summary: "Printer rejects jobs", original_ticket_id: "1001", original_noted: true, context_copied: true },
    });
    expect(d?.text).toBe("Spun off ticket #10007 for a second problem");
    expect(d?.details).toEqual(["Printer rejects jobs", "Ticket #1001 has a note naming it", "The session's context was copied (redacted)"]);
  });
});
