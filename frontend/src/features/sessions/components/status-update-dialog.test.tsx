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

const me = {
  id: ME,
  email: "eng@example.com",
  name: "Erin Engineer",
  role: "viewer",
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

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

const TEXTS: Record<string, string> = {
  internal: "Status: active. Problem: Sam can't connect.",
  client: "We are working on the issue you reported (Sam can't connect). We will update you as soon as we know more.",
  email: "Subject: Update on your support request: Sam can't connect\n\nHello,",
};

function fakeServer(opts: { update?: (body: { audience: string; detail: string }) => Response } = {}) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me") return json(200, me);
      if (route === `GET /api/v1/sessions/${SID}`) return json(200, session);
      if (route === `GET /api/v1/sessions/${SID}/documentation`) {
        return new Response("# Sam can't connect", { status: 200, headers: { "Content-Type": "text/markdown" } });
      }
      if (route === `POST /api/v1/sessions/${SID}/status-update`) {
        const body = (await input.json()) as { audience: string; detail: string };
        posted.push(body);
        if (opts.update) return opts.update(body);
        return json(200, { ...body, text: TEXTS[body.audience], model: "offline", note: null });
      }
      if (url.pathname.endsWith("/stream")) return new Response("", { status: 200, headers: { "Content-Type": "text/event-stream" } });
      return json(404, { detail: `no route ${route}` });
    }),
  );
  return { posted };
}

async function openDialog() {
  const router = createMemoryRouter(routes, { initialEntries: [`/sessions/${SID}`] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  const u = userEvent.setup();
  // The runner is a lazy route: the first render waits for its code.
  await u.click(await screen.findByRole("button", { name: "Status update" }, { timeout: 5000 }));
  const dialog = await screen.findByRole("dialog", { name: "Status update" });
  return { u, dialog };
}

beforeEach(() => {
  authStore.reset();
  queryClient.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("Status update dialog", () => {
  it("writes a client update for any role, lets it be edited and copies the edited text", async () => {
    const { posted } = fakeServer();
    const { u, dialog } = await openDialog();
    expect(dialog).toHaveTextContent("nothing is sent anywhere — copy it into the ticket or your email.");
    expect(within(dialog).getByRole("radio", { name: "Internal note" })).toBeChecked();
    await u.click(within(dialog).getByRole("radio", { name: "Client update" }));
    await u.click(within(dialog).getByRole("radio", { name: "Detailed" }));
    await u.click(within(dialog).getByRole("button", { name: "Write update" }));

    const text = await within(dialog).findByLabelText("Update text");
    expect(text).toHaveValue(TEXTS.client);
    expect(within(dialog).getByTestId("status-update-model")).toHaveTextContent("Written offline from the session");
    expect(posted).toEqual([{ audience: "client", detail: "detailed" }]);

    await u.type(text, " Thanks, Erin");
    // user-event installs its own clipboard on setup; replace it afterwards.
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(window, "isSecureContext", { value: true, configurable: true });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await u.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(`${TEXTS.client} Thanks, Erin`);
    expect(await within(dialog).findByText("Copied")).toBeInTheDocument();
  });

  it("regenerates for another audience, and shows the model and its note", async () => {
    const { posted } = fakeServer({
      update: (body) =>
        json(200, { ...body, text: TEXTS[body.audience], model: "claude-haiku-test", note: body.audience === "email" ? "The deep model was busy; the fast one answered." : null }),
    });
    const { u, dialog } = await openDialog();
    await u.click(within(dialog).getByRole("button", { name: "Write update" }));
    expect(await within(dialog).findByLabelText("Update text")).toHaveValue(TEXTS.internal);
    expect(within(dialog).getByTestId("status-update-model")).toHaveTextContent("Written by claude-haiku-test");
    expect(within(dialog).queryByRole("note")).toBeNull();

    await u.click(within(dialog).getByRole("radio", { name: "Email draft" }));
    await u.click(within(dialog).getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Update text")).toHaveValue(TEXTS.email));
    expect(within(dialog).getByRole("note")).toHaveTextContent("The deep model was busy; the fast one answered.");
    expect(posted).toEqual([
      { audience: "internal", detail: "short" },
      { audience: "email", detail: "short" },
    ]);
  });

  it("shows the server's reason when it can't write one", async () => {
    fakeServer({ update: () => json(429, { title: "Too many requests", status: 429, detail: "Slow down" }) });
    const { u, dialog } = await openDialog();
    await u.click(within(dialog).getByRole("button", { name: "Write update" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Too many attempts");
    expect(within(dialog).queryByLabelText("Update text")).toBeNull();
  });
});
