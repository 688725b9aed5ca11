import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, ME_ID, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

type Obj = Record<string, unknown>;
const FLOW = "f0000000-0000-0000-0000-000000000001";
const LIST = "10000000-0000-0000-0000-000000000001";
const BATCH = "b0000000-0000-0000-0000-000000000001";
const TEAM = "7e000000-0000-0000-0000-000000000001";

function fakeServer(launch?: (body: Obj) => Response | undefined) {
  const launched: Obj[] = [];
  stubApi(fakeUser(), async ({ input, url, route }) => {
    if (route === "GET /api/v1/flows") {
      return json(200, {
        items:
          url.searchParams.get("kind") === "maintenance"
            ? [
                { id: FLOW, title: "Monthly server patching", kind: "maintenance", latest_version: 3, archived: false },
                { id: "draft", title: "Draft only", kind: "maintenance", latest_version: null, archived: false },
              ]
            : [],
        next_cursor: null,
      });
    }
    if (route === "GET /api/v1/target-lists") return json(200, { items: [{ id: LIST, name: "Fabrikam servers", target_count: 3, clients: [], team_id: null }], next_cursor: null });
    if (route === "GET /api/v1/teams") return json(200, { items: [{ id: TEAM, name: "Service Desk", member_count: 2, description: "", created_at: "" }] });
    if (route === `GET /api/v1/teams/${TEAM}`) {
      return json(200, { id: TEAM, name: "Service Desk", member_count: 2, description: "", created_at: "", members: [{ id: ME_ID, name: "Erin Engineer", email: "", role: "engineer", is_active: true }, { id: "u2", name: "Pat Partner", email: "", role: "engineer", is_active: true }] });
    }
    if (route === "POST /api/v1/maintenance/batches") {
      const body = (await input.json()) as Obj;
      launched.push(body);
      return launch?.(body) ?? json(201, { id: BATCH, title: "x", status: "running", items: [], counts: { total: 0, pending: 0, in_progress: 0, done: 0, skipped: 0, failed: 0, escalated: 0 }, assignment: "user", flow_title: "F", flow_version: 1 });
    }
    if (route.startsWith("GET /api/v1/maintenance/batches/")) {
      return json(200, { id: BATCH, title: "December patching", status: "running", items: [], counts: { total: 0, pending: 0, in_progress: 0, done: 0, skipped: 0, failed: 0, escalated: 0 }, assignment: "user", flow_title: "F", flow_version: 1 });
    }
  });
  return { launched };
}

resetAppBetweenTests();

describe("Launch a batch", () => {
  it("launches a published flow on a list for a team pool, then opens the batch", async () => {
    const { launched } = fakeServer();
    const { u, router } = renderApp(`/maintenance/batches/new?list=${LIST}`);
    expect(await screen.findByRole("heading", { name: "Launch a batch" })).toBeInTheDocument();
    await screen.findByRole("option", { name: /Monthly server patching/ });
    expect(screen.queryByRole("option", { name: /Draft only/ })).toBeNull();
    await u.selectOptions(screen.getByLabelText("Flow"), FLOW);
    await screen.findByRole("option", { name: /Fabrikam servers/ });
    expect(screen.getByLabelText("Target list")).toHaveValue(LIST);
    await u.click(screen.getByLabelText("Team pool"));
    await u.selectOptions(screen.getByLabelText("Team"), TEAM);
    await u.type(screen.getByLabelText("Title"), "December patching");
    await u.click(screen.getByRole("button", { name: "Launch batch" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/maintenance/batches/${BATCH}`));
    expect(launched).toEqual([{ flow_id: FLOW, target_list_id: LIST, title: "December patching", assignment: "pool", team_id: TEAM, assignee_user_id: null }]);
  });

  it("launches ad-hoc targets for another engineer", async () => {
    const { launched } = fakeServer();
    const { u } = renderApp(`/maintenance/batches/new?flow=${FLOW}`);
    await screen.findByRole("option", { name: /Monthly server patching/ });
    await u.click(screen.getByLabelText("Ad-hoc targets"));
    await u.type(screen.getByRole("textbox", { name: "Ad-hoc targets" }), "FAB-DC01, Fabrikam{enter}CON-DC01");
    await within(screen.getByLabelText("Engineer")).findByRole("option", { name: "Pat Partner" });
    await u.selectOptions(screen.getByLabelText("Engineer"), "u2");
    await u.click(screen.getByRole("button", { name: "Launch batch" }));
    await waitFor(() => expect(launched).toHaveLength(1));
    expect(launched[0]).toMatchObject({
      flow_id: FLOW,
      targets: [
        { label: "FAB-DC01", client: "Fabrikam", notes: "" },
        { label: "CON-DC01", client: "", notes: "" },
      ],
      assignment: "user",
      assignee_user_id: "u2",
    });
  });

  it("shows the server's 422 next to the field it names, and stays", async () => {
    fakeServer(() => json(422, { title: "Validation failed", status: 422, detail: "", errors: [{ loc: ["body", "flow_id"], msg: "Value error, This flow has no published version." }] }));
    const { u, router } = renderApp(`/maintenance/batches/new?list=${LIST}`);
    await screen.findByRole("option", { name: /Monthly server patching/ });
    await u.selectOptions(screen.getByLabelText("Flow"), FLOW);
    await screen.findByRole("option", { name: /Fabrikam servers/ });
    await u.click(screen.getByRole("button", { name: "Launch batch" }));
    const flow = screen.getByLabelText("Flow");
    await waitFor(() => expect(flow).toHaveAttribute("aria-invalid", "true"));
    expect(flow).toHaveAccessibleDescription("This flow has no published version.");
    expect(router.state.location.pathname).toBe("/maintenance/batches/new");
  });

  it("needs a flow and targets before it sends anything", async () => {
    const { launched } = fakeServer();
    const { u } = renderApp("/maintenance/batches/new");
    await screen.findByRole("heading", { name: "Launch a batch" });
    await u.click(screen.getByRole("button", { name: "Launch batch" }));
    expect(screen.getByText("Choose the flow to run.")).toBeInTheDocument();
    expect(screen.getByText("Choose a target list.")).toBeInTheDocument();
    expect(launched).toEqual([]);
  });
});
