import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeLead, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const me = (role: string) => fakeLead({ role });

const row = (title: string) => ({
  id: crypto.randomUUID(),
  title,
  status: "active",
  owner_id: "00000000-0000-0000-0000-000000000002",
  owner_name: "Tess Teammate",
  flow_id: null,
  flow_title: null,
  ticket_id: null,
  active_seconds: 60,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
  ended_at: null,
});

function fakeServer(role: string) {
  const scopes: (string | null)[] = [];
  stubApi(me(role), ({ url, route }) => {
    if (route === "GET /api/v1/flows") return json(200, { items: [], next_cursor: null });
    if (route === "GET /api/v1/sessions") {
      const scope = url.searchParams.get("scope");
      scopes.push(scope);
      return json(200, { items: [row(`${scope ?? "default"} session`)], next_cursor: null });
    }
  });
  return { scopes };
}

function renderAt(path: string) {
  return renderApp(path).router;
}

resetAppBetweenTests();

describe("Sessions list scopes", () => {
  it("gives team admins Mine / Team / All, and Team asks for scope=team", async () => {
    const { scopes } = fakeServer("team_admin");
    const u = userEvent.setup();
    const router = renderAt("/sessions");
    const tabs = await screen.findByRole("tablist", { name: "Whose sessions" });
    expect(within(tabs).getAllByRole("tab").map((t) => t.textContent)).toEqual(["Mine", "Team", "All"]);
    expect(within(tabs).getByRole("tab", { name: "Mine" })).toHaveAttribute("aria-selected", "true");

    await u.click(within(tabs).getByRole("tab", { name: "Team" }));
    expect(await screen.findByRole("link", { name: "team session" })).toBeInTheDocument();
    expect(within(tabs).getByRole("tab", { name: "Team" })).toHaveAttribute("aria-selected", "true");
    expect(scopes).toContain("team");
    expect(router.state.location.search).toBe("?scope=team");
  });

  it("shows engineers their own sessions only, whatever the URL says", async () => {
    const { scopes } = fakeServer("engineer");
    renderAt("/sessions?scope=team");
    expect(await screen.findByRole("link", { name: "mine session" })).toBeInTheDocument();
    expect(screen.queryByRole("tablist", { name: "Whose sessions" })).toBeNull();
    await waitFor(() => expect(scopes).toEqual(["mine"]));
  });
});
