import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AppProviders } from "@/app/providers";
import { fakeSession, fakeUser, json, resetAppBetweenTests, SESSION_ID, stubApi } from "@/testing/render";
import type { SessionDetail } from "../api/types";
import { SpinOffButton } from "./spin-off";

resetAppBetweenTests();

function renderButton(session: Record<string, unknown>, canWork = true) {
  render(
    <AppProviders>
      <SpinOffButton session={fakeSession(session) as unknown as SessionDetail} canWork={canWork} />
    </AppProviders>,
  );
  return userEvent.setup();
}

describe("Spin off ticket", () => {
  it("is offered only on a session with a ticket that the person may work", () => {
    stubApi(fakeUser());
    renderButton({ ticket_id: null });
    expect(screen.queryByRole("button", { name: "Spin off ticket" })).not.toBeInTheDocument();
  });

  it("creates a related ticket with the context copied, once, and says so", async () => {
    const sent: { body: unknown; key: string | null }[] = [];
    stubApi(fakeUser(), async ({ input, route }) => {
      if (route === `POST /api/v1/sessions/${SESSION_ID}/spin-off`) {
        sent.push({ body: await input.json(), key: input.headers.get("Idempotency-Key") });
        if (sent.length === 1) {
          return json(502, { type: "https://resolutionflow.dev/problems/psa-error", title: "The PSA did not answer as expected", status: 502, detail: "Could not reach the PSA (timed out)." });
        }
        return json(201, { ticket_id: "10007", url: null, original_ticket_id: "1001", original_noted: true, adopted: true });
      }
    });
    const u = renderButton({ ticket_id: "1001" });
    await u.click(screen.getByRole("button", { name: "Spin off ticket" }));
    const dialog = await screen.findByRole("dialog", { name: "Spin off a related ticket" });
    await u.type(within(dialog).getByRole("textbox", { name: "Summary" }), "Printer rejects jobs");
    await u.click(within(dialog).getByRole("checkbox", { name: /Copy this session's context/ }));
    await u.click(within(dialog).getByRole("button", { name: "Create ticket" }));
    expect(await within(dialog).findByText("Could not reach the PSA (timed out).")).toBeInTheDocument();
    await u.click(within(dialog).getByRole("button", { name: "Create ticket" }));
    expect(await screen.findByText("Ticket #10007 created; #1001 notes it.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(sent[0]?.body).toEqual({ summary: "Printer rejects jobs", description: "", copy_context: true });
    expect(sent[0]?.key).toBeTruthy();
    expect(sent[1]?.key).toBe(sent[0]?.key);
  });
});
