import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeLead, json, renderApp, resetAppBetweenTests } from "@/testing/render";
import { analyticsServer, FLOW_A, fakeFlowAnalytics } from "../testing/fake-analytics-api";

const LEAD = fakeLead();

/** jsdom has no layout: React Flow only needs these to exist. */
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

describe("A flow's analytics", () => {
  it("show its figures, and a path view where each step shows reached, dropped and median time, coloured by drop-off", async () => {
    const api = analyticsServer({ me: LEAD });
    renderApp(`/analytics/flows/${FLOW_A}?range=90&category=Network`);
    expect(await screen.findByRole("heading", { level: 1, name: "VPN won't connect" })).toBeInTheDocument();
    const figures = screen.getByTestId("flow-figures");
    expect(figures).toHaveTextContent("Runs20");
    expect(figures).toHaveTextContent("Resolution rate50%10 resolved, 2 with a workaround");
    expect(figures).toHaveTextContent("Escalations630% of runs");

    const path = screen.getByTestId("path-view");
    const reinstall = await within(path).findByTestId("path-node-a1");
    expect(reinstall).toHaveTextContent("Reinstall the client");
    expect(reinstall).toHaveTextContent("Reached12");
    expect(reinstall).toHaveTextContent("Dropped6 50%");
    expect(reinstall).toHaveTextContent("Median4 min");
    expect(reinstall).toHaveAttribute("data-band", "high");
    expect(within(path).getByTestId("path-node-q1")).toHaveAttribute("data-band", "none");
    expect(within(path).getByTestId("path-node-r2")).toHaveAttribute("data-band", "unreached");
    // A step of an older version is not drawn, but is in the table.
    expect(within(path).queryByTestId("path-node-old")).not.toBeInTheDocument();

    const steps = screen.getByRole("table", { name: "Step figures" });
    const old = within(steps).getByText("Old first step").closest("tr")!;
    expect(old).toHaveTextContent("older version");
    expect(old).toHaveTextContent("100%");

    // The range and filters came along from the overview; the flow is the page's.
    const asked = api.to(`/api/v1/analytics/flows/${FLOW_A}`)[0]!;
    expect(asked.searchParams.get("category")).toBe("Network");
    expect(asked.searchParams.has("flow_id")).toBe(false);
    expect(screen.getByRole("link", { name: "← Analytics" })).toHaveAttribute("href", "/analytics?range=90&category=Network");
  });

  it("say how to get figures when the flow has no runs in the range", async () => {
    analyticsServer({ me: LEAD, flow: fakeFlowAnalytics({ runs: 0, resolved: 0, workaround: 0, resolution_rate: null }) });
    renderApp(`/analytics/flows/${FLOW_A}`);
    expect(await screen.findByText("No runs of this flow in this range")).toBeInTheDocument();
    expect(screen.getByText(/Start a session from this flow and its path figures appear here/)).toBeInTheDocument();
  });

  it("show a flow that isn't there as an error with a retry", async () => {
    analyticsServer({
      me: LEAD,
      handle: ({ route }) =>
        route.startsWith("GET /api/v1/analytics/flows/") ? json(404, { title: "Not Found", detail: "No such flow." }) : undefined,
    });
    renderApp(`/analytics/flows/${FLOW_A}`);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load this flow's figures");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  describe("download", () => {
    let clicked: HTMLAnchorElement[];
    beforeEach(() => {
      clicked = [];
      Object.defineProperty(URL, "createObjectURL", { configurable: true, value: vi.fn(() => "blob:csv") });
      Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: vi.fn() });
      vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
    });
    afterEach(() => vi.restoreAllMocks());

    it("the step figures as CSV", async () => {
      const api = analyticsServer({ me: LEAD });
      const { u } = renderApp(`/analytics/flows/${FLOW_A}?range=7`);
      await screen.findByRole("table", { name: "Step figures" });
      await u.click(screen.getByRole("button", { name: "Download step figures as CSV" }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      const csv = api.requests.find((r) => r.searchParams.get("format") === "csv")!;
      expect(csv.pathname).toBe(`/api/v1/analytics/flows/${FLOW_A}`);
    });
  });
});
