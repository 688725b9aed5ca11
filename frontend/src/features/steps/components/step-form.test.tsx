import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests } from "@/testing/render";
import { fakeStep, STEP_ID, stepServer, TEAM_ID } from "../testing/fake-steps-api";

resetAppBetweenTests();

describe("creating a step", () => {
  it("checks the title and a question's answers before sending, then creates and opens the step", async () => {
    const { calls } = stepServer({ me: fakeUser({ teams: [{ id: TEAM_ID, name: "Service desk" }] }), steps: [] });
    const { u, router } = renderApp("/steps/new");
    expect(await screen.findByRole("heading", { name: "New step" })).toBeInTheDocument();
    await u.selectOptions(screen.getByLabelText("Kind"), "question");
    await u.clear(screen.getByRole("textbox", { name: "Answer 2" }));
    await u.type(screen.getByRole("textbox", { name: "Answer 2" }), "yes");
    await u.click(screen.getByRole("button", { name: "Create step" }));
    const title = screen.getByLabelText(/Title/);
    expect(title).toHaveAccessibleDescription("Give the step a title.");
    expect(title).toHaveFocus();
    expect(screen.getByRole("group", { name: "Answers" })).toHaveAccessibleDescription("A question's answers must differ.");
    expect(calls.created).toEqual([]);

    await u.type(title, "Is the VPN client connected?");
    await u.clear(screen.getByRole("textbox", { name: "Answer 2" }));
    await u.type(screen.getByRole("textbox", { name: "Answer 2" }), "No");
    await u.click(screen.getByRole("button", { name: "Add answer" }));
    await u.type(screen.getByRole("textbox", { name: "Answer 3" }), "Not installed");
    await u.type(screen.getByLabelText("Body"), "Look for the shield icon near the clock.");
    await u.type(screen.getByLabelText("Tags"), "vpn, Network , VPN");
    await u.type(screen.getByLabelText("Category"), "Network");
    await waitFor(() => expect(within(screen.getByLabelText("Owner team")).getByRole("option", { name: "Service desk" })).toBeInTheDocument());
    await u.selectOptions(screen.getByLabelText("Owner team"), TEAM_ID);
    await u.click(screen.getByRole("button", { name: "Create step" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/steps/55555555-5555-5555-5555-555555555555"));
    expect(calls.created).toEqual([
      {
        title: "Is the VPN client connected?",
        body: "Look for the shield icon near the clock.",
        kind: "question",
        answers: ["Yes", "No", "Not installed"],
        tags: ["vpn", "Network"],
        category: "Network",
        team_id: TEAM_ID,
        script_ref: null,
      },
    ]);
    expect(await screen.findByRole("heading", { name: "Is the VPN client connected?" })).toBeInTheDocument();
  });

  it("shows the server's field errors next to their fields", async () => {
    stepServer({
      me: fakeUser(),
      handle: ({ route }) =>
        route === "POST /api/v1/steps"
          ? json(422, {
              title: "Validation failed",
              status: 422,
              detail: "2 problems",
              errors: [
                { loc: ["body", "title"], msg: "String should match pattern", type: "string_pattern_mismatch" },
                { loc: ["body", "script_ref"], msg: "Value error, a script reference step names its script", type: "value_error" },
                { loc: ["body", "tags", 0], msg: "String should have at most 50 characters", type: "string_too_long" },
              ],
            })
          : undefined,
    });
    const { u } = renderApp("/steps/new");
    await u.type(await screen.findByLabelText(/Title/), "Run the cleanup");
    await u.selectOptions(screen.getByLabelText("Kind"), "script_ref");
    await u.type(screen.getByLabelText(/Script/), "cleanup.ps1");
    await u.click(screen.getByRole("button", { name: "Create step" }));
    expect(await screen.findByText("Please correct the highlighted fields.")).toBeInTheDocument();
    expect(screen.getByLabelText(/Title/)).toHaveAccessibleDescription("String should match pattern");
    expect(screen.getByLabelText(/Title/)).toHaveFocus();
    expect(screen.getByLabelText(/Script/)).toHaveAccessibleDescription("a script reference step names its script");
    expect(screen.getByLabelText("Tags")).toHaveAccessibleDescription("String should have at most 50 characters");
  });
});

describe("editing a step", () => {
  it("sends the revision it started from and saves", async () => {
    const { calls } = stepServer({ me: fakeUser(), steps: [fakeStep({ revision: 3 })] });
    const { u, router } = renderApp(`/steps/${STEP_ID}/edit`);
    const title = await screen.findByLabelText(/Title/);
    expect(title).toHaveValue("Clear the cached Outlook credential");
    expect(screen.getByLabelText("Tags")).toHaveValue("outlook, credentials");
    await u.clear(title);
    await u.type(title, "Remove the cached Outlook credential");
    await u.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/steps/${STEP_ID}`));
    expect(calls.updated[0]).toMatchObject({ title: "Remove the cached Outlook credential", revision: 3, kind: "action", answers: [] });
    expect(await screen.findByText("Revision 4")).toBeInTheDocument();
  });

  it("explains a 409 (someone changed the step) and reloads their version", async () => {
    const { steps, calls } = stepServer({ me: fakeUser(), steps: [fakeStep({ revision: 2 })] });
    const { u } = renderApp(`/steps/${STEP_ID}/edit`);
    const title = await screen.findByLabelText(/Title/);
    // Someone else saves in between.
    Object.assign(steps[0]!, { revision: 3, title: "Their better title" });
    await u.type(title, " (mine)");
    await u.click(screen.getByRole("button", { name: "Save changes" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone changed this step while you were editing it.");
    expect(alert).toHaveTextContent(/Reload to see their version/);
    await u.click(within(alert).getByRole("button", { name: "Reload the step" }));
    await waitFor(() => expect(screen.getByLabelText(/Title/)).toHaveValue("Their better title"));
    expect(screen.queryByRole("alert")).toBeNull();
    await u.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls.updated.at(-1)).toMatchObject({ revision: 3, title: "Their better title" }));
  });

  it("tells someone who may not edit the step", async () => {
    stepServer({ me: fakeUser(), steps: [fakeStep({ can_edit: false })] });
    renderApp(`/steps/${STEP_ID}/edit`);
    expect(await screen.findByText("You can't edit this step")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save changes" })).toBeNull();
  });
});
