import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeLead, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const me = (role: string) => fakeLead({ role });

function fakeServer(role: string, median: number | null) {
  const asked: string[] = [];
  stubApi(me(role), ({ url, route }) => {
    if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0, next_cursor: null });
    if (route === "GET /api/v1/handoffs") {
      asked.push(`handoffs${url.search}`);
      return json(200, { items: [{ id: "a" }, { id: "b" }, { id: "c" }], next_cursor: null });
    }
    if (route === "GET /api/v1/escalations/metrics") {
      asked.push(`metrics${url.search}`);
      return json(200, { days: 30, escalations: 3, claimed: 1, median_time_to_pickup_s: median, median_pickup_to_resolution_s: null, per_flow: [], per_engineer: [], assessments_rated: 0, assessment_accuracy: null, calibration: [] });
    }
  });
  return { asked };
}

function renderHome() {
  renderApp("/");
}

resetAppBetweenTests();

describe("Home: Escalations card", () => {
  it("team admins see the unclaimed count and the median time to pickup, linking to /handoffs", async () => {
    const { asked } = fakeServer("team_admin", 420);
    renderHome();
    const card = await screen.findByRole("region", { name: "Escalations" });
    expect(await within(card).findByText("3")).toBeInTheDocument();
    expect(await within(card).findByText("7 min")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Open escalations" })).toHaveAttribute("href", "/handoffs");
    expect(asked).toContain("handoffs?status=unclaimed&limit=200");
    expect(asked).toContain("metrics?days=30");
  });

  it("says when nothing has been picked up yet", async () => {
    fakeServer("team_admin", null);
    renderHome();
    const card = await screen.findByRole("region", { name: "Escalations" });
    expect(await within(card).findByText("No pickups in the last 30 days")).toBeInTheDocument();
  });

  it("engineers don't get the card", async () => {
    const { asked } = fakeServer("engineer", 420);
    renderHome();
    expect(await screen.findByRole("heading", { name: /Welcome, Lee/ })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Escalations" })).toBeNull();
    expect(asked.filter((a) => a.startsWith("metrics"))).toEqual([]);
  });
});
