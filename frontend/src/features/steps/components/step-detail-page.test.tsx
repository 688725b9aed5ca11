import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeLead, fakeUser, json, ME_ID, renderApp, resetAppBetweenTests } from "@/testing/render";
import { fakeStep, STEP_ID, stepServer } from "../testing/fake-steps-api";

resetAppBetweenTests();

const OTHER = "99999999-9999-9999-9999-999999999999";

function openFlag(over: Record<string, unknown> = {}) {
  return {
    id: "flag-1",
    step_id: STEP_ID,
    step_title: "Clear the cached Outlook credential",
    team_id: null,
    reason: "The credential name changed in Office 2024.",
    status: "open",
    reporter_id: OTHER,
    reporter_name: "Sam Senior",
    created_at: new Date(Date.now() - 3600_000).toISOString(),
    closed_at: null,
    closed_by_id: null,
    note: "",
    may_close: false,
    ...over,
  };
}

describe("a step's page", () => {
  it("shows the Markdown body, answers, tags, variables, counts and reviews", async () => {
    stepServer({
      me: fakeUser(),
      steps: [
        fakeStep({
          kind: "question",
          title: "Does Outlook start in safe mode?",
          body: "Run `outlook.exe /safe` as **{{user_name}}**.",
          answers: ["Yes", "No"],
          variables: ["user_name"],
          rating_avg: 4,
          rating_count: 2,
          verified_uses: 5,
          linked_nodes: 3,
          open_flags: 1,
        }),
      ],
      reviews: [{ user_id: OTHER, user_name: "Sam Senior", stars: 4, review: "Quick and reliable.", updated_at: new Date().toISOString() }],
      flags: [openFlag()],
    });
    renderApp(`/steps/${STEP_ID}`);
    expect(await screen.findByRole("heading", { name: "Does Outlook start in safe mode?" })).toBeInTheDocument();
    const body = screen.getByRole("region", { name: "Step body" });
    expect(within(body).getByText("outlook.exe /safe", { selector: "code" })).toBeInTheDocument();
    expect(within(body).getByText("{{user_name}}", { selector: "strong" })).toBeInTheDocument();
    expect(within(within(body).getByRole("list", { name: "Answers" })).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Yes", "No"]);
    expect(within(screen.getByRole("list", { name: "Tags" })).getByRole("link", { name: "#outlook" })).toHaveAttribute("href", "/steps?tag=outlook");
    expect(screen.getByRole("list", { name: "Variables" })).toHaveTextContent("{{user_name}}");
    const details = screen.getByTestId("step-details");
    expect(within(details).getByRole("img", { name: "4.0 out of 5 from 2 ratings" })).toBeInTheDocument();
    expect(within(details).getByTestId("verified-uses")).toHaveTextContent("5 verified uses");
    expect(details).toHaveTextContent("3 nodes");
    const reviews = await screen.findByRole("list", { name: "Reviews" });
    expect(within(reviews).getByText("Quick and reliable.")).toBeInTheDocument();
    expect(within(reviews).getByRole("img", { name: "4 of 5 stars" })).toBeInTheDocument();
    const flags = await screen.findByRole("list", { name: "Flags" });
    expect(within(flags).getByText("The credential name changed in Office 2024.")).toBeInTheDocument();
    // An engineer who may not close it sees no Resolve or Dismiss.
    expect(within(flags).queryByRole("button", { name: "Resolve" })).toBeNull();
    // can_edit (the author here) gives Edit and Delete.
    expect(screen.getByRole("link", { name: "Edit" })).toHaveAttribute("href", `/steps/${STEP_ID}/edit`);
  });

  it("rates with the keyboard: arrows choose the stars, the review goes along, and the average updates", async () => {
    const { calls } = stepServer({ me: fakeUser() });
    const { u } = renderApp(`/steps/${STEP_ID}`);
    const group = await screen.findByRole("radiogroup", { name: "Your rating" });
    expect(within(group).getAllByRole("radio")).toHaveLength(5);
    // Tab into the group, then arrows: focus lands on the first star, ArrowRight moves to and chooses the next.
    within(group).getByRole("radio", { name: "1 star" }).focus();
    await u.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(within(group).getByRole("radio", { name: "4 stars" })).toBeChecked();
    await u.type(screen.getByLabelText("Review (optional)"), "Fixed it for three users.");
    await u.click(screen.getByRole("button", { name: "Save rating" }));
    await waitFor(() => expect(calls.ratings).toEqual([{ stars: 4, review: "Fixed it for three users." }]));
    expect(await screen.findByText("Thanks: your rating was saved.")).toBeInTheDocument();
    const details = screen.getByRole("img", { name: "4.0 out of 5 from 1 rating" });
    expect(details).toBeInTheDocument();
    expect(await within(await screen.findByRole("list", { name: "Reviews" })).findByText("Fixed it for three users.")).toBeInTheDocument();
    // Yours now: the button says Update, and rating again replaces it.
    expect(await screen.findByRole("button", { name: "Update rating" })).toBeDisabled();
    await u.click(screen.getByRole("radio", { name: "2 stars" }));
    await u.click(screen.getByRole("button", { name: "Update rating" }));
    await waitFor(() => expect(calls.ratings.at(-1)).toEqual({ stars: 2, review: "Fixed it for three users." }));
    expect(await screen.findByRole("img", { name: "2.0 out of 5 from 1 rating" })).toBeInTheDocument();
  });

  it("asks for stars before saving a rating", async () => {
    const { calls } = stepServer({ me: fakeUser() });
    const { u } = renderApp(`/steps/${STEP_ID}`);
    await u.click(await screen.findByRole("button", { name: "Save rating" }));
    expect(screen.getByRole("radiogroup", { name: "Your rating" })).toHaveAccessibleDescription("Choose from 1 to 5 stars.");
    expect(calls.ratings).toEqual([]);
  });

  it("flags the step with a reason in a dialog, and focus returns to the button", async () => {
    const { calls } = stepServer({ me: fakeUser() });
    const { u } = renderApp(`/steps/${STEP_ID}`);
    const open = await screen.findByRole("button", { name: "This step is wrong" });
    await u.click(open);
    const dialog = screen.getByRole("dialog", { name: "This step is wrong" });
    const reason = within(dialog).getByLabelText(/Reason/);
    expect(reason).toHaveFocus();
    await u.click(within(dialog).getByRole("button", { name: "Flag step" }));
    expect(reason).toHaveAccessibleDescription("Say what is wrong, so a team admin can fix it.");
    expect(calls.flagged).toEqual([]);
    await u.type(reason, "Office 2024 stores it elsewhere.");
    await u.click(within(dialog).getByRole("button", { name: "Flag step" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(calls.flagged).toEqual(["Office 2024 stores it elsewhere."]);
    expect(await screen.findByText("Thanks: the step was flagged for review.")).toBeInTheDocument();
    expect(open).toHaveFocus();
    const flags = await screen.findByRole("list", { name: "Flags" });
    expect(within(flags).getByText("Office 2024 stores it elsewhere.")).toBeInTheDocument();
    expect(await screen.findByTestId("open-flags")).toHaveTextContent("1 open flag");
  });

  it("closes with Escape without flagging", async () => {
    const { calls } = stepServer({ me: fakeUser() });
    const { u } = renderApp(`/steps/${STEP_ID}`);
    await u.click(await screen.findByRole("button", { name: "This step is wrong" }));
    await u.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls.flagged).toEqual([]);
  });

  it("lets a team admin who may resolve or dismiss open flags; a 409 shows in the flag", async () => {
    const { calls } = stepServer({
      me: fakeLead(),
      flags: [openFlag({ may_close: true }), openFlag({ id: "flag-2", reason: "Typo in the path.", may_close: true })],
      steps: [fakeStep({ open_flags: 2, created_by_id: OTHER })],
      handle: ({ route }) =>
        route === "POST /api/v1/steps/flags/flag-2/dismiss" ? json(409, { title: "Conflict", status: 409, detail: "This flag is already resolved." }) : undefined,
    });
    const { u } = renderApp(`/steps/${STEP_ID}`);
    const flags = await screen.findByRole("list", { name: "Flags" });
    const [first] = within(flags).getAllByTestId("flag");
    await u.click(within(first!).getByRole("button", { name: "Resolve" }));
    await waitFor(() => expect(calls.closed).toEqual([{ id: "flag-1", verdict: "resolve" }]));
    expect(await screen.findByText("Flag resolved.")).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Flags" })).getAllByTestId("flag").find((f) => f.textContent?.includes("Office 2024"))).toHaveAttribute("data-status", "resolved"));

    const typo = within(screen.getByRole("list", { name: "Flags" })).getAllByTestId("flag").find((f) => f.textContent?.includes("Typo"))!;
    await u.click(within(typo).getByRole("button", { name: "Dismiss" }));
    expect(await within(typo).findByRole("alert")).toHaveTextContent("This flag is already resolved.");
  });

  it("hides Edit and Delete from those who may not edit, and the rating from a viewer", async () => {
    stepServer({ me: fakeUser({ role: "viewer" }), steps: [fakeStep({ can_edit: false, created_by_id: OTHER })] });
    renderApp(`/steps/${STEP_ID}`);
    expect(await screen.findByRole("heading", { name: "Clear the cached Outlook credential" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
    expect(screen.queryByRole("button", { name: "This step is wrong" })).toBeNull();
    expect(screen.queryByRole("radiogroup")).toBeNull();
  });

  it("deletes after confirming and returns to the library", async () => {
    const { calls } = stepServer({ me: fakeUser(), steps: [fakeStep({ created_by_id: ME_ID })] });
    const { u, router } = renderApp(`/steps/${STEP_ID}`);
    await u.click(await screen.findByRole("button", { name: "Delete" }));
    const dialog = screen.getByRole("dialog", { name: "Delete this step?" });
    await u.click(within(dialog).getByRole("button", { name: "Delete step" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/steps"));
    expect(calls.deleted).toEqual([STEP_ID]);
    expect(await screen.findByText("No steps in the library yet")).toBeInTheDocument();
  });

  it("says so when the step doesn't exist", async () => {
    stepServer({ me: fakeUser(), steps: [] });
    renderApp(`/steps/${STEP_ID}`);
    expect(await screen.findByText("This step doesn't exist")).toBeInTheDocument();
  });
});
