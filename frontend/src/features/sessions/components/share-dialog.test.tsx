import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/router";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

const SID = "11111111-1111-1111-1111-111111111111";
const ME = "00000000-0000-0000-0000-000000000001";
const TOKEN = "Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-xyz";

const me = {
  id: ME,
  email: "eng@example.com",
  name: "Erin Engineer",
  role: "engineer",
  account_id: "00000000-0000-0000-0000-0000000000aa",
  account_name: "Acme MSP",
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  last_login_at: null,
  teams: [],
};

const session = {
  id: SID,
  title: "Sam can't connect",
  status: "active",
  owner_id: ME,
  owner_name: me.name,
  flow_id: null,
  flow_title: null,
  flow_version: null,
  ticket_id: "48213",
  current_node: null,
  current_step: null,
  flow_outcome: null,
  variables: {},
  outcome: null,
  summary: "",
  active_seconds: 42,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
  ended_at: null,
  last_seq: 1,
  timeline: [
    { id: crypto.randomUUID(), seq: 1, type: "started", actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload: { title: "Sam can't connect" } },
  ],
};

const existing = {
  id: "33333333-3333-3333-3333-333333333333",
  public: false,
  expires_at: null,
  revoked_at: null,
  view_count: 4,
  last_viewed_at: "2026-03-02T10:00:00Z",
  created_at: "2026-03-01T11:00:00Z",
};

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

function fakeServer() {
  const calls: string[] = [];
  const posted: unknown[] = [];
  let shares: Record<string, unknown>[] = [existing];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      calls.push(route);
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me") return json(200, me);
      if (route === `GET /api/v1/sessions/${SID}`) return json(200, session);
      if (route === `GET /api/v1/sessions/${SID}/documentation`) {
        return new Response("# Sam can't connect", { status: 200, headers: { "Content-Type": "text/markdown" } });
      }
      if (route === `GET /api/v1/sessions/${SID}/shares`) return json(200, { items: shares, next_cursor: null });
      if (route === `POST /api/v1/sessions/${SID}/shares`) {
        const body = (await input.json()) as { public: boolean };
        posted.push(body);
        const share = { id: "44444444-4444-4444-4444-444444444444", public: body.public, expires_at: "2099-03-08T10:00:00Z", revoked_at: null, view_count: 0, last_viewed_at: null, created_at: "2026-03-01T12:00:00Z" };
        shares = [share, ...shares];
        return json(201, { ...share, url: `http://127.0.0.1:8000/s/${TOKEN}` });
      }
      if (route === `DELETE /api/v1/sessions/${SID}/shares/${existing.id}`) {
        shares = shares.map((s) => (s.id === existing.id ? { ...s, revoked_at: "2026-03-01T13:00:00Z" } : s));
        return json(204, null);
      }
      if (url.pathname.endsWith("/stream")) return new Response("", { status: 200, headers: { "Content-Type": "text/event-stream" } });
      return json(404, { detail: `no route ${route}` });
    }),
  );
  return { calls, posted };
}

async function openShareDialog() {
  const router = createMemoryRouter(routes, { initialEntries: [`/sessions/${SID}`] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  const u = userEvent.setup();
  await u.click(await screen.findByRole("button", { name: "Share…" }));
  const dialog = await screen.findByRole("dialog", { name: "Share session" });
  return { u, dialog };
}

beforeEach(() => {
  authStore.reset();
  queryClient.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("Share dialog", () => {
  it("creates a public link and shows its URL once", async () => {
    const { posted } = fakeServer();
    const { u, dialog } = await openShareDialog();

    expect(within(dialog).getByRole("radio", { name: "Public link" })).toBeChecked();
    expect(within(dialog).getByText("Colleagues signed in to Acme MSP")).toBeInTheDocument();
    // "Never" is only offered for account-only links.
    const expiry = within(dialog).getByLabelText("Expires after");
    expect(within(expiry).queryByRole("option", { name: "Never" })).toBeNull();
    await u.selectOptions(expiry, "30");
    await u.click(within(dialog).getByRole("button", { name: "Create link" }));

    const field = await within(dialog).findByTestId("share-url");
    expect(field).toHaveValue(`http://127.0.0.1:8000/s/${TOKEN}`);
    expect(within(dialog).getByText("You won't see this link again. Copy it now.")).toBeInTheDocument();
    expect(posted).toEqual([{ public: true, expires_in_days: 30 }]);
    // The list refreshes with the new link.
    await waitFor(() => expect(within(dialog).getAllByRole("button", { name: "Revoke" })).toHaveLength(2));
  });

  it("creates an account-only link that never expires", async () => {
    const { posted } = fakeServer();
    const { u, dialog } = await openShareDialog();
    await u.click(within(dialog).getByRole("radio", { name: "Account only" }));
    await u.selectOptions(within(dialog).getByLabelText("Expires after"), "never");
    await u.click(within(dialog).getByRole("button", { name: "Create link" }));
    await within(dialog).findByTestId("share-url");
    expect(posted).toEqual([{ public: false, expires_in_days: null }]);
  });

  it("revokes a link after confirming", async () => {
    const { calls } = fakeServer();
    const { u, dialog } = await openShareDialog();
    const table = await within(dialog).findByRole("table", { name: "Share links" });
    expect(within(table).getByText("Account only")).toBeInTheDocument();
    expect(within(table).getByText("4")).toBeInTheDocument();

    await u.click(within(table).getByRole("button", { name: "Revoke" }));
    const confirm = await screen.findByRole("dialog", { name: "Revoke link?" });
    await u.click(within(confirm).getByRole("button", { name: "Revoke link" }));

    await waitFor(() => expect(calls).toContain(`DELETE /api/v1/sessions/${SID}/shares/${existing.id}`));
    await waitFor(() => expect(within(table).queryByRole("button", { name: "Revoke" })).toBeNull());
    expect(within(table).getByText("revoked")).toBeInTheDocument();
  });
});
