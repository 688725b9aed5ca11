import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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

const me = (role: string) => ({
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
});

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
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me") return json(200, me(role));
      if (route === "GET /api/v1/flows") return json(200, { items: [], next_cursor: null });
      if (route === "GET /api/v1/sessions") {
        const scope = url.searchParams.get("scope");
        scopes.push(scope);
        return json(200, { items: [row(`${scope ?? "default"} session`)], next_cursor: null });
      }
      return json(404, { detail: `no route ${route}` });
    }),
  );
  return { scopes };
}

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

beforeEach(() => {
  authStore.reset();
  queryClient.clear();
});
afterEach(() => vi.unstubAllGlobals());

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
