import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, TEAM_ADMIN } from "@/testing/render";
import { RUN_POLL_MS } from "../api/run-flywheel";
import { fakeChangeProposal, fakeFlag, fakeProposal, flywheelServer, NEW_FLOW_ID, PROPOSAL_ID, S1 } from "../testing/fake-flywheel-api";

const ENGINEER = fakeUser();

resetAppBetweenTests();

const cards = () => screen.findAllByTestId("proposal-card");

describe("Review queue", () => {
  it("lists open proposals: kind, title, rationale, confidence, evidence with links to the sessions; tabs carry counts", async () => {
    flywheelServer({
      me: TEAM_ADMIN,
      proposals: [fakeProposal(), fakeChangeProposal(), fakeProposal({ id: "p-old", status: "rejected", title: "Old", reject_reason: "No" })],
    });
    const { u } = renderApp("/proposals");
    expect(await screen.findByRole("heading", { name: "Review queue" })).toBeInTheDocument();
    const [first, second] = await cards();
    expect(within(first!).getByTestId("proposal-kind")).toHaveTextContent("New flow");
    expect(within(first!).getByRole("link", { name: "Printer shows offline" })).toHaveAttribute("href", `/proposals/${PROPOSAL_ID}`);
    expect(within(first!).getByTestId("proposal-rationale")).toHaveTextContent("5 sessions in 4 days solved 'printer offline'");
    const meter = within(first!).getByRole("meter", { name: "Confidence" });
    expect(meter).toHaveAttribute("aria-valuenow", "82");
    expect(within(first!).getByTestId("proposal-confidence")).toHaveTextContent("82% high confidence");
    expect(within(first!).getByTestId("proposal-evidence")).toHaveTextContent("5 sessions over 4 days · last 2 h ago");
    expect(within(first!).getByText("Reinforced once")).toBeInTheDocument();
    await u.click(within(first!).getByTestId("proposal-evidence"));
    expect(within(first!).getByRole("link", { name: "Printer on floor 2 shows offline" })).toHaveAttribute("href", `/sessions/${S1}`);
    expect(within(second!).getByTestId("proposal-kind")).toHaveTextContent("Enhancement");
    expect(within(second!).getByRole("link", { name: /^Review/ })).toBeInTheDocument();

    const tab = (name: RegExp) => screen.getByRole("tab", { name });
    await waitFor(() => expect(tab(/^Open/)).toHaveTextContent("Open2"));
    expect(tab(/^Open/)).toHaveAttribute("aria-selected", "true");
    expect(tab(/^Rejected/)).toHaveTextContent("Rejected1");
  });

  it("shows the open count as a badge on the nav item", async () => {
    flywheelServer({ me: ENGINEER, proposals: [fakeProposal(), fakeChangeProposal()] });
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    const link = await within(nav).findByRole("link", { name: "Review queue, 2 open proposals" });
    expect(link).toHaveAttribute("href", "/proposals");
    expect(within(link).getByTestId("review-count")).toHaveTextContent("2");
    expect(within(nav).getByRole("link", { name: "Coverage gaps" })).toHaveAttribute("href", "/gaps");
  });

  it("shows no badge when nothing is open, or when the counts can't be read", async () => {
    flywheelServer({
      me: ENGINEER,
      proposals: [],
      handle: ({ route }) => (route === "GET /api/v1/proposals/counts" ? json(500, { title: "Server error", status: 500, detail: "boom" }) : undefined),
    });
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Review queue" })).toBeInTheDocument();
    expect(within(nav).queryByTestId("review-count")).toBeNull();
  });

  it("switches tabs by click and arrow keys, keeps the tab in the URL, and says when a tab is empty", async () => {
    const { calls } = flywheelServer({ me: ENGINEER, proposals: [fakeProposal({ status: "approved", result_flow_id: NEW_FLOW_ID, can_review: false })] });
    const { u, router } = renderApp("/proposals");
    expect(await screen.findByText("Nothing to review")).toBeInTheDocument();

    await u.click(screen.getByRole("tab", { name: /^Approved/ }));
    expect(router.state.location.search).toBe("?tab=approved");
    const [card] = await cards();
    expect(within(card!).getByRole("link", { name: /Edit & publish/ })).toHaveAttribute("href", `/flows/${NEW_FLOW_ID}/edit`);
    expect(within(card!).getByRole("link", { name: /^View/ })).toBeInTheDocument();

    await u.keyboard("{ArrowRight}");
    expect(await screen.findByText("No dismissed proposals")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: /^Dismissed/ })).toHaveFocus();
    await u.keyboard("{End}");
    expect(await screen.findByText("No rejected proposals")).toBeInTheDocument();
    await u.keyboard("{Home}");
    await waitFor(() => expect(router.state.location.search).toBe(""));
    expect(calls.lists).toEqual(["open", "approved", "dismissed", "rejected"]);
  });

  it("shows an error with Try again when the list can't be loaded", async () => {
    let fail = true;
    flywheelServer({ me: ENGINEER, list: () => (fail ? json(500, { title: "Server error", status: 500, detail: "boom" }) : undefined) });
    const { u } = renderApp("/proposals");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the proposals");
    fail = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await cards()).toHaveLength(1);
  });

  it("offers 'Run the flywheel now' to team admins only", async () => {
    flywheelServer({ me: ENGINEER, proposals: [fakeProposal({ can_review: false })] });
    renderApp("/proposals");
    await cards();
    expect(screen.queryByRole("button", { name: "Run the flywheel now" })).toBeNull();
    expect(screen.getByRole("link", { name: /^View/ })).toBeInTheDocument();
  });
});

describe("Run the flywheel now", () => {
  it("shows the run pending while its job is queued and running, then refetches the queue", async () => {
    const { calls, proposals } = flywheelServer({ me: TEAM_ADMIN, proposals: [], jobStates: ["queued", "running", "succeeded"] });
    const { u } = renderApp("/proposals");
    expect(await screen.findByText("Nothing to review")).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "Run the flywheel now" });
    button.focus();
    await u.keyboard("{Enter}");
    const status = await screen.findByTestId("run-status");
    expect(status).toHaveAttribute("role", "status");
    expect(status).toHaveTextContent("Queued; it starts within a few seconds…");
    expect(screen.getByRole("button", { name: /Running…/ })).toBeDisabled();
    expect(calls.runs).toBe(1);

    // The run finds a proposal; once its job succeeded the list and the counts are asked again.
    proposals.push(fakeProposal());
    await waitFor(() => expect(screen.getByTestId("run-status")).toHaveTextContent("Running the flywheel…"), { timeout: RUN_POLL_MS * 3 });
    await waitFor(() => expect(screen.getByTestId("run-status")).toHaveTextContent("Done."), { timeout: RUN_POLL_MS * 3 });
    expect(await cards()).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Run the flywheel now" })).toBeEnabled();
    expect(await screen.findByText("The flywheel has run; the queue is up to date.")).toBeInTheDocument();
    expect(calls.jobGets).toBe(3);
  });

  it("says why when the run died", async () => {
    flywheelServer({ me: TEAM_ADMIN, jobStates: ["dead"] });
    const { u } = renderApp("/proposals");
    await cards();
    await u.click(screen.getByRole("button", { name: "Run the flywheel now" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The run failed: Database was locked.");
    expect(screen.getByRole("button", { name: "Run the flywheel now" })).toBeEnabled();
  });

  it("shows the server's refusal (a 403) next to the button", async () => {
    flywheelServer({
      me: TEAM_ADMIN,
      handle: ({ route }) =>
        route === "POST /api/v1/proposals/run" ? json(403, { title: "Forbidden", status: 403, detail: "Only team admins can run the flywheel." }) : undefined,
    });
    const { u } = renderApp("/proposals");
    await cards();
    await u.click(screen.getByRole("button", { name: "Run the flywheel now" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Only team admins can run the flywheel.");
    expect(screen.getByRole("button", { name: "Run the flywheel now" }).getAttribute("aria-describedby")).toBe(alert.id);
  });
});

describe("Step flags in the queue", () => {
  it("lists open flags; those who may close one resolve or dismiss it, others only read it", async () => {
    const { calls } = flywheelServer({
      me: TEAM_ADMIN,
      flags: [fakeFlag(), fakeFlag({ id: "flag-2", step_title: "Reset the VPN profile", may_close: false, reason: "Wrong order" })],
    });
    const { u } = renderApp("/proposals");
    const section = await screen.findByRole("region", { name: /Step flags/ });
    const [mine, theirs] = await within(section).findAllByTestId("step-flag");
    expect(within(mine!).getByRole("link", { name: "Clear the cached Outlook credential" })).toHaveAttribute("href", "/steps/step-1");
    expect(mine).toHaveTextContent("The path changed in Windows 11.");
    expect(mine).toHaveTextContent("Erin Engineer");
    expect(within(theirs!).queryByRole("button")).toBeNull();

    await u.click(within(mine!).getByRole("button", { name: "Resolve flag on Clear the cached Outlook credential" }));
    await waitFor(() => expect(within(section).getAllByTestId("step-flag")).toHaveLength(1));
    expect(calls.flagsClosed).toEqual([{ id: "flag-1", verdict: "resolve" }]);
    expect(await screen.findByText('Flag on "Clear the cached Outlook credential" resolved.')).toBeInTheDocument();
  });

  it("shows a 409 on the flag", async () => {
    const { flags } = flywheelServer({ me: TEAM_ADMIN, flags: [fakeFlag()] });
    const { u } = renderApp("/proposals");
    const flag = await screen.findByTestId("step-flag");
    flags[0]!.status = "dismissed"; // someone else was quicker
    await u.click(within(flag).getByRole("button", { name: /^Dismiss/ }));
    expect(await within(flag).findByRole("alert")).toHaveTextContent("This flag is already closed.");
  });

  it("says when no flag is open", async () => {
    flywheelServer({ me: ENGINEER });
    renderApp("/proposals");
    expect(await screen.findByText("No open step flags")).toBeInTheDocument();
  });
});

describe("Review queue in the sidebar", () => {
  it("opens the queue from the nav", async () => {
    flywheelServer({ me: ENGINEER });
    const { u, router } = renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    await u.click(await within(nav).findByRole("link", { name: /^Review queue/ }));
    expect(router.state.location.pathname).toBe("/proposals");
    expect(await cards()).toHaveLength(1);
    await act(() => router.navigate("/gaps"));
    expect(await screen.findByRole("heading", { name: "Coverage gaps" })).toBeInTheDocument();
  });
});
