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

const admin = {
  id: "00000000-0000-0000-0000-000000000001",
  email: "lead@example.com",
  name: "Lee Lead",
  role: "team_admin",
  account_id: "00000000-0000-0000-0000-0000000000aa",
  account_name: "Acme MSP",
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  last_login_at: "2026-01-02T00:00:00Z",
  teams: [],
};

function fakeServer(opts: { patchResponse?: (body: Record<string, unknown>) => Response; role?: string } = {}) {
  const account = {
    id: admin.account_id,
    name: "Acme MSP",
    slug: "acme-msp",
    engineers_can_publish: false,
    created_at: "2026-01-01T00:00:00Z",
    user_count: 7,
  };
  const me = { ...admin, role: opts.role ?? admin.role };
  const patched: Record<string, unknown>[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me") return json(200, { ...me, account_name: account.name });
      if (route === "GET /api/v1/account") return json(200, account);
      if (route === "PATCH /api/v1/account") {
        const body = (await input.json()) as Record<string, unknown>;
        patched.push(body);
        if (opts.patchResponse) return opts.patchResponse(body);
        Object.assign(account, body);
        return json(200, account);
      }
      return json(404, { detail: `no route ${route}` });
    }),
  );
  return { patched, account };
}

function renderPage() {
  const router = createMemoryRouter(routes, { initialEntries: ["/admin/account"] });
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

describe("Account settings page", () => {
  it("renders the current values", async () => {
    fakeServer();
    renderPage();
    expect(await screen.findByRole("heading", { name: "Account settings" })).toBeInTheDocument();
    expect(await screen.findByLabelText("Account name")).toHaveValue("Acme MSP");
    const publishing = screen.getByRole("region", { name: "Publishing" });
    expect(within(publishing).getByRole("checkbox", { name: "Engineers can publish flows" })).not.toBeChecked();
    expect(screen.getByText("When off, only team admins publish; engineers edit drafts.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save name" })).toBeDisabled();
    expect(screen.getByRole("link", { name: "Account settings" })).toBeInTheDocument();
  });

  it("saves publishing as soon as the box is ticked", async () => {
    const { patched } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    const box = await screen.findByRole("checkbox", { name: "Engineers can publish flows" });
    await u.click(box);
    expect(box).toBeChecked();
    expect(await screen.findByText("Engineers can now publish flows.")).toBeInTheDocument();
    expect(patched).toEqual([{ engineers_can_publish: true }]);
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).toBeChecked();
  });

  it("rolls the box back when the change fails", async () => {
    fakeServer({ patchResponse: () => json(403, { title: "Forbidden", status: 403, detail: "Not allowed.", errors: [] }) });
    const u = userEvent.setup();
    renderPage();
    const box = await screen.findByRole("checkbox", { name: "Engineers can publish flows" });
    await u.click(box);
    expect(await screen.findByText(/Couldn't change publishing: Not allowed\./)).toBeInTheDocument();
    await waitFor(() => expect(box).not.toBeChecked());
  });

  it("renames the account and updates the header", async () => {
    const { patched } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    const field = await screen.findByLabelText("Account name");
    await u.clear(field);
    await u.type(field, "Acme Managed Services");
    await u.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("Account name saved.")).toBeInTheDocument();
    expect(patched).toEqual([{ name: "Acme Managed Services" }]);
    expect(await screen.findByRole("banner")).toHaveTextContent("Acme Managed Services");
  });

  it("shows a taken name next to the field", async () => {
    fakeServer({
      patchResponse: () =>
        json(409, {
          title: "Conflict",
          status: 409,
          detail: "That account name is taken.",
          errors: [{ loc: ["body", "name"], msg: "An account with this name already exists.", type: "conflict" }],
        }),
    });
    const u = userEvent.setup();
    renderPage();
    const field = await screen.findByLabelText("Account name");
    await u.clear(field);
    await u.type(field, "Globex");
    await u.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("An account with this name already exists.")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("An account with this name already exists.");
  });

  it("turns an engineer away", async () => {
    fakeServer({ role: "engineer" });
    renderPage();
    expect(await screen.findByRole("heading", { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Account settings" })).toBeNull();
  });
});
