import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, TEAM_ADMIN } from "@/testing/render";
import { CHANGE_ID, FLOW_ID, fakeChangeProposal, fakeProposal, flywheelServer, NEW_FLOW_ID, PROPOSAL_ID, S1 } from "../testing/fake-flywheel-api";

const ENGINEER = fakeUser();

/** jsdom has no layout: React Flow only needs these to exist (the canvas itself is not asserted here). */
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

resetAppBetweenTests();
beforeEach(() => {
  vi.stubGlobal("ResizeObserver", NoResizeObserver);
  vi.stubGlobal("DOMMatrixReadOnly", class { m22 = 1; });
});

describe("A new_flow proposal", () => {
  it("shows why (rationale, confidence, evidence with links) and the proposed flow's steps in reading order", async () => {
    flywheelServer({ me: TEAM_ADMIN });
    renderApp(`/proposals/${PROPOSAL_ID}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Printer shows offline" })).toBeInTheDocument();
    expect(screen.getByTestId("proposal-status")).toHaveTextContent("Open");
    expect(screen.getByTestId("proposal-kind")).toHaveTextContent("New flow");
    expect(screen.getByRole("meter", { name: "Confidence" })).toHaveAttribute("aria-valuenow", "82");
    expect(screen.getByTestId("proposal-rationale")).toHaveTextContent("restarting the print spooler");
    expect(screen.getByTestId("evidence-summary")).toHaveTextContent("5 sessions over 4 days");
    expect(screen.getByRole("link", { name: "Printer on floor 2 shows offline" })).toHaveAttribute("href", `/sessions/${S1}`);

    const steps = within(screen.getByTestId("draft-steps"));
    const titles = steps.getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(titles).toEqual([
      "Is the printer powered on?",
      "Clear the print queue",
      "Escalate",
      "Restart the print spooler service",
      "Restarted the spooler; printing works",
    ]);
    expect(steps.getByText("Yes")).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "The proposed flow" })).toBeInTheDocument();
  });

  it("approves: the result takes focus and offers Edit & publish into the editor on the new draft", async () => {
    const { calls } = flywheelServer({ me: TEAM_ADMIN });
    const { u, router } = renderApp(`/proposals/${PROPOSAL_ID}`);
    const approve = await screen.findByRole("button", { name: "Approve" });
    await u.click(approve);
    const result = await screen.findByTestId("approved-result");
    expect(calls.approved).toEqual([PROPOSAL_ID]);
    const heading = within(result).getByRole("heading", { name: /Approved.*the draft is ready/ });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(result).getByText(/A new flow was created as a draft/)).toBeInTheDocument();
    const edit = within(result).getByRole("link", { name: "Edit & publish" });
    expect(edit).toHaveAttribute("href", `/flows/${NEW_FLOW_ID}/edit`);
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    await waitFor(() => expect(screen.getByTestId("proposal-status")).toHaveTextContent("Approved"));
    await u.click(edit);
    expect(router.state.location.pathname).toBe(`/flows/${NEW_FLOW_ID}/edit`);
  });

  it("shows the server's refusal to approve next to the buttons", async () => {
    flywheelServer({
      me: TEAM_ADMIN,
      handle: ({ route }) =>
        route === `POST /api/v1/proposals/${PROPOSAL_ID}/approve`
          ? json(422, { title: "Validation failed", status: 422, detail: "The draft no longer validates: r9 does not exist." })
          : undefined,
    });
    const { u } = renderApp(`/proposals/${PROPOSAL_ID}`);
    const approve = await screen.findByRole("button", { name: "Approve" });
    await u.click(approve);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The draft no longer validates: r9 does not exist.");
    expect(approve).toBeEnabled();
    expect(approve.getAttribute("aria-describedby")).toBeTruthy();
  });

  it("rejects only with a reason: the dialog says so on the field, then the proposal shows it was rejected", async () => {
    const { calls } = flywheelServer({ me: TEAM_ADMIN });
    const { u } = renderApp(`/proposals/${PROPOSAL_ID}`);
    await u.click(await screen.findByRole("button", { name: "Reject…" }));
    const dialog = await screen.findByRole("dialog", { name: "Reject this proposal?" });
    const reason = within(dialog).getByRole("textbox", { name: "Reason" });
    expect(reason).toHaveFocus();
    await u.click(within(dialog).getByRole("button", { name: "Reject" }));
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(reason).toHaveAccessibleDescription(/Say why/);
    expect(calls.rejected).toEqual([]);

    await u.type(reason, "We replace these printers next month");
    await u.keyboard("{Tab}{Tab}{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(calls.rejected).toEqual([{ id: PROPOSAL_ID, body: { reason: "We replace these printers next month" } }]);
    const review = await screen.findByRole("region", { name: "Review" });
    expect(review).toHaveTextContent("Rejected");
    expect(review).toHaveTextContent("Reason: We replace these printers next month");
    await waitFor(() => expect(review).toHaveFocus());
  });

  it("shows the server's field problem under the reason", async () => {
    flywheelServer({
      me: TEAM_ADMIN,
      handle: ({ route }) =>
        route === `POST /api/v1/proposals/${PROPOSAL_ID}/reject`
          ? json(422, { title: "Validation failed", status: 422, detail: "reason: too long", errors: [{ loc: ["body", "reason"], msg: "String should have at most 2000 characters" }] })
          : undefined,
    });
    const { u } = renderApp(`/proposals/${PROPOSAL_ID}`);
    await u.click(await screen.findByRole("button", { name: "Reject…" }));
    const dialog = await screen.findByRole("dialog");
    const reason = within(dialog).getByRole("textbox", { name: "Reason" });
    await u.type(reason, "x");
    await u.click(within(dialog).getByRole("button", { name: "Reject" }));
    await waitFor(() => expect(reason).toHaveAccessibleDescription("String should have at most 2000 characters"));
    expect(within(dialog).queryByRole("alert")).toBeNull();
    await u.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByRole("button", { name: "Reject…" })).toHaveFocus();
  });

  it("dismisses: hidden until new evidence arrives", async () => {
    const { calls } = flywheelServer({ me: TEAM_ADMIN });
    const { u } = renderApp(`/proposals/${PROPOSAL_ID}`);
    await u.click(await screen.findByRole("button", { name: "Dismiss" }));
    const review = await screen.findByRole("region", { name: "Review" });
    expect(review).toHaveTextContent("Dismissed");
    expect(review).toHaveTextContent("comes back to the queue when more sessions agree");
    expect(calls.dismissed).toEqual([PROPOSAL_ID]);
  });
});

describe("A change proposal", () => {
  it("shows the change in words and the diff against the published version, with titles from both versions", async () => {
    const { calls } = flywheelServer({ me: TEAM_ADMIN, proposals: [fakeChangeProposal()] });
    renderApp(`/proposals/${CHANGE_ID}`);
    expect(await screen.findByTestId("change-summary")).toHaveTextContent(
      'Adds the step "Reset the network adapter" after "Renew the certificate", before the flow ends.',
    );
    expect(screen.getByRole("heading", { name: "Changes against published v3" })).toBeInTheDocument();
    const entries = within(screen.getByTestId("diff-list")).getAllByTestId("diff-entry");
    expect(entries.map((e) => [e.dataset.mark, e.textContent])).toEqual([
      ["added", expect.stringContaining("Reset the network adapter")],
      ["changed", expect.stringContaining("Renew the certificate")],
      ["added", expect.stringMatching(/Connection Renew the certificate → Reset the network adapter/)],
      ["added", expect.stringMatching(/Connection Reset the network adapter → Fixed/)],
      ["removed", expect.stringMatching(/Connection Renew the certificate → Fixed/)],
    ]);
    // The changed step's text before and after (the version before is fetched for it).
    await waitFor(() => expect(entries[1]).toHaveTextContent("BeforeOld body"));
    expect(entries[1]).toHaveTextContent("AfterNew body");
    expect(calls.versionGets).toEqual([`${FLOW_ID}@3`]);
    expect(screen.getByRole("link", { name: "(published v3)" })).toHaveAttribute("href", `/flows/${FLOW_ID}`);
    expect(await screen.findByRole("region", { name: "The flow with the proposed change" })).toBeInTheDocument();
  });

  it("after Approve, says the change went onto a new draft of the same flow", async () => {
    flywheelServer({ me: TEAM_ADMIN, proposals: [fakeChangeProposal()] });
    const { u } = renderApp(`/proposals/${CHANGE_ID}`);
    await u.click(await screen.findByRole("button", { name: "Approve" }));
    const result = await screen.findByTestId("approved-result");
    expect(result).toHaveTextContent("The change was applied to a new draft of the flow");
    expect(within(result).getByRole("link", { name: "Edit & publish" })).toHaveAttribute("href", `/flows/${FLOW_ID}/edit`);
    // The diff stays in view.
    expect(screen.getByTestId("diff-list")).toBeInTheDocument();
  });
});

describe("For engineers and viewers", () => {
  it("an engineer sees no review buttons, and comments (a field problem shows on the field)", async () => {
    let refuse = true;
    const { calls } = flywheelServer({
      me: ENGINEER,
      proposals: [fakeProposal({ can_review: false })],
      handle: ({ route }) =>
        route === `POST /api/v1/proposals/${PROPOSAL_ID}/comments` && refuse
          ? ((refuse = false), json(422, { title: "Validation failed", status: 422, detail: "text", errors: [{ loc: ["body", "text"], msg: "String should have at most 4000 characters" }] }))
          : undefined,
    });
    const { u } = renderApp(`/proposals/${PROPOSAL_ID}`);
    expect(await screen.findByTestId("review-note")).toHaveTextContent("Team admins review proposals. You can add a comment below.");
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Reject…" })).toBeNull();

    const box = screen.getByRole("textbox", { name: "Add a comment" });
    await u.click(screen.getByRole("button", { name: "Comment" }));
    expect(box).toHaveAccessibleDescription("Write something first.");
    await u.type(box, "We saw this on floor 3 too");
    await u.click(screen.getByRole("button", { name: "Comment" }));
    await waitFor(() => expect(box).toHaveAccessibleDescription("String should have at most 4000 characters"));
    await u.click(screen.getByRole("button", { name: "Comment" }));
    const comment = await screen.findByTestId("proposal-comment");
    expect(comment).toHaveTextContent("Erin Engineer");
    expect(comment).toHaveTextContent("We saw this on floor 3 too");
    expect(box).toHaveValue("");
    expect(calls.comments.at(-1)).toEqual({ id: PROPOSAL_ID, body: { text: "We saw this on floor 3 too" } });
  });

  it("a viewer reads it but cannot comment", async () => {
    flywheelServer({ me: fakeUser({ role: "viewer" }), proposals: [fakeProposal({ can_review: false })] });
    renderApp(`/proposals/${PROPOSAL_ID}`);
    expect(await screen.findByTestId("review-note")).toHaveTextContent("Team admins review proposals.");
    expect(screen.queryByRole("textbox", { name: "Add a comment" })).toBeNull();
    expect(screen.getByText("No comments yet.")).toBeInTheDocument();
  });

  it("a team admin of another team is told who reviews it", async () => {
    flywheelServer({ me: TEAM_ADMIN, proposals: [fakeProposal({ can_review: false })] });
    renderApp(`/proposals/${PROPOSAL_ID}`);
    expect(await screen.findByTestId("review-note")).toHaveTextContent("belongs to another team");
  });
});

it("says when a proposal does not exist (or is another account's)", async () => {
  flywheelServer({ me: TEAM_ADMIN, proposals: [] });
  const { u, router } = renderApp(`/proposals/${PROPOSAL_ID}`);
  expect(await screen.findByRole("heading", { name: "This proposal doesn't exist" })).toBeInTheDocument();
  await u.click(screen.getByRole("link", { name: "Back to the review queue" }));
  expect(router.state.location.pathname).toBe("/proposals");
});
