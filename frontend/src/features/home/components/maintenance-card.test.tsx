import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const counts = (over: Record<string, number>) => ({ total: 6, pending: 0, in_progress: 0, done: 0, skipped: 0, failed: 0, escalated: 0, ...over });

function fakeServer(role: string, opts: { batches?: unknown[]; slots?: unknown[]; failBatches?: boolean } = {}) {
  const asked: string[] = [];
  stubApi(fakeUser({ role }), ({ url, route }) => {
    if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0, next_cursor: null });
    if (route === "GET /api/v1/handoffs") return json(200, { items: [], next_cursor: null });
    if (route === "GET /api/v1/escalations/metrics") return json(200, { median_time_to_pickup_s: null });
    if (route === "GET /api/v1/maintenance/batches") {
      asked.push(`batches${url.search}`);
      if (opts.failBatches) return json(500, { title: "Server error", status: 500, detail: "boom" });
      return json(200, { items: opts.batches ?? [], next_cursor: null });
    }
    if (route === "GET /api/v1/maintenance/schedules/agenda") {
      asked.push(`agenda${url.search}`);
      return json(200, { items: opts.slots ?? [] });
    }
  });
  return { asked };
}

const laterToday = () => {
  const d = new Date();
  // Later today, whatever the time (the card shows today's slots in the viewer's zone).
  d.setHours(23, 30, 0, 0);
  return d.toISOString();
};

resetAppBetweenTests();

describe("Home: Maintenance card", () => {
  it("lists the running batches with a target for me and today's slots, linking to each batch", async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const { asked } = fakeServer("engineer", {
      batches: [{ id: "b1", title: "December patching", status: "running", counts: counts({ pending: 2, in_progress: 1, done: 3 }) }],
      slots: [
        { schedule_id: "s1", title: "Weekly backup check", at: laterToday() },
        { schedule_id: "s2", title: "Not today", at: tomorrow },
      ],
    });
    renderApp("/");
    const card = await screen.findByRole("region", { name: "Maintenance" });
    const link = await within(card).findByRole("link", { name: "December patching" });
    expect(link).toHaveAttribute("href", "/maintenance/batches/b1");
    expect(within(card).getByTestId("home-my-batches")).toHaveTextContent("3 of 6 to do");
    const today = await within(card).findByTestId("home-due-today");
    expect(today).toHaveTextContent("Weekly backup check");
    expect(today).not.toHaveTextContent("Not today");
    expect(asked).toContain("batches?status=running&assigned_to_me=true&limit=20");
    expect(asked).toContain("agenda?days=2");
  });

  it("says when there is nothing to do", async () => {
    fakeServer("engineer");
    renderApp("/");
    const card = await screen.findByRole("region", { name: "Maintenance" });
    expect(await within(card).findByText("Nothing due today and no batch waiting for you.")).toBeInTheDocument();
  });

  it("shows an error with Try again when the batches can't be loaded", async () => {
    fakeServer("engineer", { failBatches: true });
    renderApp("/");
    const card = await screen.findByRole("region", { name: "Maintenance" });
    const alert = await within(card).findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load your batches");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("is not shown to viewers", async () => {
    const { asked } = fakeServer("viewer");
    renderApp("/");
    expect(await screen.findByRole("heading", { name: /Welcome, Erin/ })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Maintenance" })).toBeNull();
    expect(asked).toEqual([]);
  });
});
