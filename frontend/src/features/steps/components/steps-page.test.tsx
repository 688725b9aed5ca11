import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests } from "@/testing/render";
import { fakeStep, STEP_ID, stepServer, TEAM_ID } from "../testing/fake-steps-api";

resetAppBetweenTests();

const table = () => screen.findByRole("table", { name: "Steps" });
const rows = async () => within(await table()).findAllByTestId("step-row");

describe("Step library page", () => {
  it("lists steps with kind, stars, verified uses and open flags", async () => {
    stepServer({
      me: fakeUser(),
      steps: [
        fakeStep({ rating_avg: 4.25, rating_count: 8, verified_uses: 12, open_flags: 2 }),
        fakeStep({ id: "s2", title: "Is the VPN client connected?", kind: "question", answers: ["Yes", "No"], tags: ["vpn"], category: "Network" }),
      ],
    });
    renderApp("/steps");
    expect(await screen.findByRole("heading", { name: "Step library" })).toBeInTheDocument();
    const [first, second] = await rows();
    expect(within(first!).getByRole("link", { name: "Clear the cached Outlook credential" })).toHaveAttribute("href", `/steps/${STEP_ID}`);
    expect(within(first!).getByText("Action")).toBeInTheDocument();
    expect(within(first!).getByRole("img", { name: "4.3 out of 5 from 8 ratings" })).toBeInTheDocument();
    expect(within(first!).getByTestId("verified-uses")).toHaveTextContent("12 verified uses");
    expect(within(first!).getByTestId("open-flags")).toHaveTextContent("2 open flags");
    expect(within(second!).getByText("Question")).toBeInTheDocument();
    expect(within(second!).getByRole("img", { name: "No ratings yet" })).toBeInTheDocument();
    expect(within(second!).getByText("No verified uses")).toBeInTheDocument();
  });

  it("searches, filters by kind, tag, category and team, and sorts; all kept in the URL", async () => {
    const { calls } = stepServer({ me: fakeUser() });
    const { u, router } = renderApp("/steps");
    await rows();
    await u.type(screen.getByRole("searchbox", { name: "Search steps" }), "outlook cred");
    await waitFor(() => expect(calls.lists.at(-1)?.get("q")).toBe("outlook cred"));
    // With words to match, best match first.
    expect(calls.lists.at(-1)?.get("sort")).toBe("relevance");
    await u.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "action");
    const tag = screen.getByRole("combobox", { name: "Tag" });
    await waitFor(() => expect(within(tag).getByRole("option", { name: "outlook" })).toBeInTheDocument());
    await u.selectOptions(tag, "outlook");
    await u.selectOptions(screen.getByRole("combobox", { name: "Category" }), "Email");
    const team = screen.getByRole("combobox", { name: "Team" });
    await waitFor(() => expect(within(team).getByRole("option", { name: "Service desk" })).toBeInTheDocument());
    await u.selectOptions(team, TEAM_ID);
    await u.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "rating");
    await waitFor(() => expect(calls.lists.at(-1)?.get("sort")).toBe("rating"));
    const last = calls.lists.at(-1)!;
    expect(Object.fromEntries(last)).toMatchObject({ q: "outlook cred", kind: "action", tag: "outlook", category: "Email", team_id: TEAM_ID, sort: "rating", limit: "25" });
    const search = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(search)).toMatchObject({ q: "outlook cred", kind: "action", tag: "outlook", category: "Email", team: TEAM_ID, sort: "rating" });
  });

  it("shows the <mark>ed snippet of a search match", async () => {
    stepServer({ me: fakeUser(), steps: [fakeStep({ snippet: "remove the <mark>credential</mark> entry" })] });
    renderApp("/steps?q=credential");
    const [row] = await rows();
    expect(within(row!).getByText("credential", { selector: "mark" })).toBeInTheDocument();
  });

  it("pages with Load more", async () => {
    const many = Array.from({ length: 30 }, (_, i) => fakeStep({ id: `s${i}`, title: `Step number ${i}` }));
    const { calls } = stepServer({ me: fakeUser(), steps: many });
    const { u } = renderApp("/steps");
    expect(await rows()).toHaveLength(25);
    await u.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(async () => expect(await rows()).toHaveLength(30));
    expect(calls.lists.at(-1)?.get("cursor")).toBe("25");
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("says when nothing matches and clears the search and filters", async () => {
    stepServer({ me: fakeUser() });
    const { u, router } = renderApp("/steps?q=printer&kind=question");
    expect(await screen.findByText("No steps match “printer”")).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Clear search and filters" }));
    expect(await rows()).toHaveLength(1);
    expect(router.state.location.search).toBe("");
  });

  it("invites an engineer to create the first step when the library is empty; a viewer only reads", async () => {
    stepServer({ me: fakeUser(), steps: [] });
    renderApp("/steps");
    expect(await screen.findByText("No steps in the library yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create the first step" })).toHaveAttribute("href", "/steps/new");
  });

  it("offers a viewer no New step", async () => {
    stepServer({ me: fakeUser({ role: "viewer" }), steps: [] });
    renderApp("/steps");
    expect(await screen.findByText("No steps in the library yet")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /New step|Create the first step/ })).toBeNull();
  });

  it("shows an error with Try again when the library can't be loaded", async () => {
    let fail = true;
    stepServer({ me: fakeUser(), handle: ({ route }) => (fail && route === "GET /api/v1/steps" ? json(500, { title: "Server error", status: 500, detail: "boom" }) : undefined) });
    const { u } = renderApp("/steps");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the step library");
    fail = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await rows()).toHaveLength(1);
  });

  it("is in the sidebar for every role", async () => {
    stepServer({ me: fakeUser({ role: "viewer" }) });
    const { u, router } = renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    await u.click(within(nav).getByRole("link", { name: "Step library" }));
    expect(router.state.location.pathname).toBe("/steps");
    expect(await rows()).toHaveLength(1);
    await act(() => router.navigate("/steps/new"));
    expect(await screen.findByRole("heading", { name: "You don't have access" })).toBeInTheDocument();
  });
});
