import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeLead, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const me = (role: string) => fakeLead({ role });

const FLOW = "66666666-6666-6666-6666-666666666666";
const JO = "00000000-0000-0000-0000-000000000002";

function metrics(days: number, over: Record<string, unknown> = {}) {
  return {
    days,
    escalations: 6,
    claimed: 5,
    median_time_to_pickup_s: 750,
    median_pickup_to_resolution_s: 2 * 3600 + 20 * 60,
    per_flow: [{ id: FLOW, name: "Printer offline", sessions: 8, escalated: 2, rate: 0.25 }],
    per_engineer: [{ id: JO, name: "Jo Junior", sessions: 10, escalated: 4, rate: 0.4 }],
    assessments_rated: 5,
    assessment_accuracy: 0.8,
    calibration: [
      { label: "0.0-0.4", rated: 0, correct: 0, accuracy: null },
      { label: "0.4-0.7", rated: 0, correct: 0, accuracy: null },
      { label: "0.7-1.0", rated: 5, correct: 4, accuracy: 0.8 },
    ],
    ...over,
  };
}

const empty = (days: number) =>
  metrics(days, {
    escalations: 0,
    claimed: 0,
    median_time_to_pickup_s: null,
    median_pickup_to_resolution_s: null,
    per_flow: [],
    per_engineer: [],
    assessments_rated: 0,
    assessment_accuracy: null,
    calibration: [],
  });

function fakeServer(opts: { role?: string; metrics?: (days: number) => unknown } = {}) {
  const asked: string[] = [];
  stubApi(me(opts.role ?? "team_admin"), ({ url, route }) => {
    if (route === "GET /api/v1/handoffs") return json(200, { items: [], next_cursor: null });
    if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0, next_cursor: null });
    if (route === "GET /api/v1/escalations/metrics") {
      asked.push(url.search);
      const days = Number(url.searchParams.get("days") ?? 30);
      return json(200, (opts.metrics ?? metrics)(days));
    }
  });
  return { asked };
}

function renderAt(path: string) {
  return renderApp(path).router;
}

resetAppBetweenTests();

describe("Escalation metrics tab", () => {
  it("team admins get a Metrics tab with pickup times, rates and calibration", async () => {
    const { asked } = fakeServer();
    const u = userEvent.setup();
    const router = renderAt("/handoffs");
    const tablist = await screen.findByRole("tablist", { name: "Escalation status" });
    await u.click(await within(tablist).findByRole("tab", { name: "Metrics" }));
    expect(router.state.location.search).toBe("?tab=metrics");
    expect(within(tablist).getByRole("tab", { name: "Metrics" })).toHaveAttribute("aria-selected", "true");
    expect(within(tablist).getByRole("tab", { name: "Unclaimed" })).toHaveAttribute("aria-selected", "false");

    expect(await screen.findByTestId("metric-time-to-pickup-value")).toHaveTextContent("12 min");
    expect(screen.getByTestId("metric-pickup-to-resolution-value")).toHaveTextContent("2 h 20 min");
    expect(screen.getByTestId("metric-escalations-value")).toHaveTextContent("6");
    expect(screen.getByTestId("metric-assessment-accuracy-value")).toHaveTextContent("80%");

    const flows = screen.getByRole("table", { name: "Escalation rate by flow" });
    expect(within(flows).getByRole("link", { name: "Printer offline" })).toHaveAttribute("href", `/flows/${FLOW}`);
    expect(within(flows).getByText("25%")).toBeInTheDocument();
    const people = screen.getByRole("table", { name: "Escalation rate by engineer" });
    expect(within(people).getByText("Jo Junior")).toBeInTheDocument();
    expect(within(people).getByText("40%")).toBeInTheDocument();
    const calibration = screen.getByRole("table", { name: "Assessment calibration" });
    expect(within(calibration).getByText("When the AI said 0.7–1.0 it was right 4 of 5 times")).toBeInTheDocument();
    expect(within(calibration).getByText("No rated escalations at 0.0–0.4 yet")).toBeInTheDocument();
    expect(asked).toEqual(["?days=30"]);

    await u.click(screen.getByRole("button", { name: "Last 90 days" }));
    await waitFor(() => expect(asked).toEqual(["?days=30", "?days=90"]));
    expect(router.state.location.search).toBe("?tab=metrics&days=90");
    expect(screen.getByRole("button", { name: "Last 90 days" })).toHaveAttribute("aria-pressed", "true");
  });

  it("says so when there were no escalations", async () => {
    fakeServer({ metrics: empty });
    renderAt("/handoffs?tab=metrics");
    expect(await screen.findByText("No escalations in the last 30 days")).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Escalation rate by flow" })).toBeNull();
  });

  it("engineers don't see the tab, and ?tab=metrics shows them the queue", async () => {
    const { asked } = fakeServer({ role: "engineer" });
    renderAt("/handoffs?tab=metrics");
    const tablist = await screen.findByRole("tablist", { name: "Escalation status" });
    expect(await screen.findByText("Nothing waiting for pickup")).toBeInTheDocument();
    expect(within(tablist).queryByRole("tab", { name: "Metrics" })).toBeNull();
    expect(within(tablist).getByRole("tab", { name: "Unclaimed" })).toHaveAttribute("aria-selected", "true");
    expect(asked).toEqual([]);
  });
});
