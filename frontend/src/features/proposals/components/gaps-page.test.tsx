import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests } from "@/testing/render";
import { fakeGap, flywheelServer, NEW_FLOW_ID, S1, S2 } from "../testing/fake-flywheel-api";

const ENGINEER = fakeUser();

resetAppBetweenTests();

describe("Coverage gaps", () => {
  it("shows each gap: label, count, trend, last seen, where it came from, redacted examples and who met it", async () => {
    flywheelServer({ me: ENGINEER, gaps: [fakeGap(), fakeGap({ key: "gap-2", label: "Teams camera black", count: 1, trend: { last_7_days: 0, previous_7_days: 2, direction: "falling" }, examples: [], engineers: [] })] });
    renderApp("/gaps");
    expect(await screen.findByRole("heading", { level: 1, name: "Coverage gaps" })).toBeInTheDocument();
    const [scan, teams] = await screen.findAllByTestId("gap-card");
    const card = within(scan!);
    expect(card.getByRole("heading", { name: "Scan to email fails with SMTP authentication error" })).toBeInTheDocument();
    expect(card.getByTestId("gap-count")).toHaveTextContent("3 sessions");
    expect(card.getByTestId("gap-trend")).toHaveTextContent("Rising (3 in the last 7 days, 1 the week before)");
    expect(card.getByTestId("gap-last-seen")).toHaveTextContent("Last seen 1 h ago");
    expect(scan).toHaveTextContent("FlowPilot found no flow (2) · Copilot didn't know (1)");
    expect(card.getByTestId("gap-examples")).toHaveTextContent("Scan to email on the copier fails: [REDACTED:email]");
    expect(card.getByTestId("gap-engineers")).toHaveTextContent("Met by: Erin Engineer, Sam Senior");
    expect(within(card.getByLabelText("Keywords")).getByText("smtp")).toBeInTheDocument();
    expect(within(teams!).getByTestId("gap-trend")).toHaveTextContent("Falling");
    expect(within(teams!).getByTestId("gap-count")).toHaveTextContent("1 session");
    expect(within(teams!).queryByTestId("gap-examples")).toBeNull();
  });

  it("drafts a flow for a gap from its sessions and opens the editor on it", async () => {
    const { calls } = flywheelServer({ me: ENGINEER, gaps: [fakeGap()] });
    const { u, router } = renderApp("/gaps");
    const card = await screen.findByTestId("gap-card");
    await u.click(within(card).getByRole("button", { name: /^Draft a flow for this gap/ }));
    const dialog = await screen.findByRole("dialog", { name: "Draft a flow for this gap" });
    const title = within(dialog).getByRole("textbox", { name: "Flow title" });
    expect(title).toHaveFocus();
    expect(title).toHaveValue("Scan to email fails with SMTP authentication error");
    await u.clear(title);
    await u.type(title, "Scan to email: SMTP auth");
    await u.keyboard("{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe(`/flows/${NEW_FLOW_ID}/edit`));
    expect(calls.drafts).toEqual([{ session_ids: [S1, S2], title: "Scan to email: SMTP auth" }]);
  });

  it("shows a problem naming the title under the field, and others above the buttons", async () => {
    let answer = json(422, { title: "Validation failed", status: 422, detail: "title", errors: [{ loc: ["body", "title"], msg: "String should have at most 200 characters" }] });
    flywheelServer({ me: ENGINEER, gaps: [fakeGap()], handle: ({ route }) => (route === "POST /api/v1/knowledge/gaps/draft" ? answer : undefined) });
    const { u } = renderApp("/gaps");
    await u.click(await screen.findByRole("button", { name: /^Draft a flow for this gap/ }));
    const dialog = await screen.findByRole("dialog");
    const title = within(dialog).getByRole("textbox", { name: "Flow title" });
    await u.click(within(dialog).getByRole("button", { name: "Draft the flow" }));
    await waitFor(() => expect(title).toHaveAccessibleDescription("String should have at most 200 characters"));
    expect(title).toHaveAttribute("aria-invalid", "true");

    answer = json(422, { title: "Validation failed", status: 422, detail: "The sessions did not give a valid draft." });
    await u.click(within(dialog).getByRole("button", { name: "Draft the flow" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("The sessions did not give a valid draft.");
    expect(title).not.toHaveAttribute("aria-invalid");
  });

  it("does not offer drafting to viewers", async () => {
    flywheelServer({ me: fakeUser({ role: "viewer" }), gaps: [fakeGap()] });
    renderApp("/gaps");
    await screen.findByTestId("gap-card");
    expect(screen.queryByRole("button", { name: /Draft a flow/ })).toBeNull();
  });

  it("says when there are no gaps, and shows an error with Try again", async () => {
    let fail = true;
    flywheelServer({
      me: ENGINEER,
      handle: ({ route }) => (route === "GET /api/v1/knowledge/gaps" && fail ? json(500, { title: "Server error", status: 500, detail: "boom" }) : undefined),
    });
    const { u } = renderApp("/gaps");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the coverage gaps");
    fail = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No coverage gaps")).toBeInTheDocument();
  });
});
