import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/problem";
import { providerLabel, psaErrorMessage, pushExtras, pushWarnings, redactionSummary } from "./push";

describe("pushWarnings", () => {
  it("says which status the PSA kept", () => {
    expect(pushWarnings({ provider: "connectwise", outcome: { status: { asked: "Resolved", now: "New", ok: false } } })).toEqual([
      "ConnectWise kept the ticket at 'New' instead of 'Resolved'",
    ]);
  });
  it("gives the error when the status change failed outright, and a failed time entry", () => {
    expect(
      pushWarnings({ provider: "halopsa", outcome: { status: { asked: "Closed", ok: false, error: "no such status" }, time_entry: { ok: false, error: "locked" } } }),
    ).toEqual(["The status change failed: no such status", "The time entry failed: locked"]);
  });
  it("is empty when everything went through", () => {
    const push = { provider: "autotask", outcome: { status: { asked: "Complete", now: "Complete", ok: true }, time_entry: { ok: true, minutes: 14 } } };
    expect(pushWarnings(push)).toEqual([]);
    expect(pushExtras(push)).toEqual(["Status changed to Complete", "Time entry: 14 min"]);
  });
});

describe("redactionSummary", () => {
  it("counts by kind", () => {
    expect(redactionSummary({ password: 1, api_key: 1 })).toBe("2 secrets redacted (1 password, 1 api_key)");
    expect(redactionSummary({ password: 1 })).toBe("1 secret redacted (1 password)");
    expect(redactionSummary({})).toBe("Nothing redacted");
  });
});

describe("psaErrorMessage", () => {
  it("uses the PSA's detail for a missing ticket", () => {
    const err = new ApiError({
      status: 422,
      title: "Validation failed",
      detail: "Ticket 999 was not found in ConnectWise.",
      errors: [{ loc: ["body", "ticket_id"], msg: "not found" }],
      retryAfter: null,
    });
    expect(psaErrorMessage(err)).toBe("Ticket 999 was not found in ConnectWise.");
  });
  it("names providers", () => {
    expect(providerLabel("connectwise")).toBe("ConnectWise");
    expect(providerLabel(null)).toBe("The PSA");
  });
});
