import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/router";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

function me(role: string) {
  return {
    id: "00000000-0000-0000-0000-000000000001",
    email: "lead@example.com",
    name: "Lee Lead",
    role,
    account_id: "00000000-0000-0000-0000-0000000000aa",
    account_name: "Acme MSP",
    is_active: true,
    created_at: "2026-01-01T00:00:00Z",
    last_login_at: null,
    teams: [],
  };
}

function fakeServer(role: string, median: number | null) {
  const asked: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me") return json(200, me(role));
      if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0, next_cursor: null });
      if (route === "GET /api/v1/handoffs") {
        asked.push(`handoffs${url.search}`);
        return json(200, { items: [{ id: "a" }, { id: "b" }, { id: "c" }], next_cursor: null });
      }
      if (route === "GET /api/v1/escalations/metrics") {
        asked.push(`metrics${url.search}`);
        return json(200, { days: 30, escalations: 3, claimed: 1, median_time_to_pickup_s: median, median_pickup_to_resolution_s: null, per_flow: [], per_engineer: [], assessments_rated: 0, assessment_accuracy: null, calibration: [] });
      }
      return json(404, { detail: `no route ${route}` });
    }),
  );
  return { asked };
}

function renderHome() {
  const router = createMemoryRouter(routes, { initialEntries: ["/"] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

beforeEach(() => {
  authStore.reset();
  queryClient.clear();
});
afterEach(() => vi.unstubAllGlobals());

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
