import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/router";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

const HID = "44444444-4444-4444-4444-444444444444";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

const meBody = {
  id: "00000000-0000-0000-0000-000000000001",
  email: "alex@example.com",
  name: "Alex Admin",
  role: "team_admin",
  account_id: "00000000-0000-0000-0000-0000000000aa",
  account_name: "Acme MSP",
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  last_login_at: null,
  teams: [],
};

function note(id: string, title: string, read: boolean, minutesAgo: number) {
  return {
    id,
    kind: "handoff",
    title,
    body: "Out of ideas",
    link: `/handoffs/${HID}`,
    handoff_id: HID,
    read_at: read ? "2026-03-01T10:00:00Z" : null,
    created_at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  };
}

/** A stream the test writes events to. */
function sse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } }),
    send(name: string, data: unknown) {
      controller.enqueue(encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`));
    },
    heartbeat() {
      controller.enqueue(encoder.encode(": keep-alive\n\n"));
    },
  };
}

function fakeServer(stream: ReturnType<typeof sse>, initial = [note("n1", "Erin escalated “VPN down” (medium)", true, 60)]) {
  let items = initial;
  const calls: { route: string; body: unknown; auth: string | null; query: string }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      const body = input.method === "POST" ? await input.clone().json().catch(() => null) : null;
      calls.push({ route, body, auth: input.headers.get("Authorization"), query: url.search });
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me") return json(200, meBody);
      if (route === "GET /api/v1/notifications/stream") return stream.response;
      if (route === "GET /api/v1/notifications") return json(200, { items, unread: items.filter((n) => !n.read_at).length });
      if (route === "POST /api/v1/notifications/read") {
        const ids = (body as { ids?: string[] }).ids;
        items = items.map((n) => (!ids || ids.includes(n.id) ? { ...n, read_at: n.read_at ?? "2026-03-01T12:00:00Z" } : n));
        return json(200, { items, unread: items.filter((n) => !n.read_at).length });
      }
      if (route === `GET /api/v1/handoffs/${HID}`) return json(404, { detail: "No such handoff." });
      return json(404, { detail: `no route ${route}` });
    }),
  );
  return {
    calls,
    arrive() {
      items = [note("n2", "Erin escalated “Printer offline” (high)", false, 0), note("n3", "Jo escalated “Mail stuck” (low)", false, 1), ...items];
    },
  };
}

function renderApp() {
  const router = createMemoryRouter(routes, { initialEntries: ["/profile"] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, u: userEvent.setup() };
}

beforeEach(() => {
  authStore.reset();
  queryClient.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("Notification bell", () => {
  it("shows the unread count from the live stream, read with the token", async () => {
    const stream = sse();
    const server = fakeServer(stream);
    renderApp();
    const bell = await screen.findByRole("button", { name: "Notifications" }, { timeout: 5000 });
    const badge = screen.getByTestId("notification-count");
    expect(badge).not.toBeVisible();

    server.arrive();
    stream.send("unread", { unread: 2 });
    await waitFor(() => expect(screen.getByTestId("notification-count")).toHaveTextContent("2"));
    expect(screen.getByTestId("notification-count")).toBeVisible();
    expect(bell).toHaveAccessibleName("Notifications, 2 unread");
    stream.heartbeat();

    // "changed" (e.g. an assessment landed) refetches without a count change.
    const before = server.calls.filter((c) => c.route === "GET /api/v1/notifications").length;
    stream.send("changed", {});
    await waitFor(() => expect(server.calls.filter((c) => c.route === "GET /api/v1/notifications").length).toBeGreaterThan(before));

    const call = server.calls.find((c) => c.route === "GET /api/v1/notifications/stream")!;
    expect(call.auth).toBe("Bearer tok");
    expect(call.query).toContain("max_seconds=");
  });

  it("lists notifications newest first (unread bold); choosing one marks it read and opens its link", async () => {
    const stream = sse();
    const server = fakeServer(stream);
    server.arrive();
    const { u, router } = renderApp();
    const bell = await screen.findByRole("button", { name: "Notifications" }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId("notification-count")).toHaveTextContent("2"));

    await u.click(bell);
    const menu = screen.getByRole("menu", { name: /Notifications/ });
    const items = await within(menu).findAllByTestId("notification-item");
    expect(items.map((i) => i.getAttribute("data-unread"))).toEqual(["true", "true", "false"]);
    expect(items[0]).toHaveTextContent("Printer offline");
    expect(items[0]).toHaveFocus();
    expect(within(items[0]!).getByText(/Printer offline/).className).toContain("font-semibold");

    // Keyboard: arrows move, Enter chooses.
    await u.keyboard("{ArrowDown}");
    expect(items[1]).toHaveFocus();
    await u.keyboard("{ArrowUp}{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe(`/handoffs/${HID}`));
    expect(server.calls.find((c) => c.route === "POST /api/v1/notifications/read")!.body).toEqual({ ids: ["n2"] });
    await waitFor(() => expect(screen.getByTestId("notification-count")).toHaveTextContent("1"));
  });

  it("'Mark all read' clears the count; Escape closes and returns focus to the bell", async () => {
    const stream = sse();
    const server = fakeServer(stream);
    server.arrive();
    const { u } = renderApp();
    const bell = await screen.findByRole("button", { name: "Notifications" }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByTestId("notification-count")).toHaveTextContent("2"));
    await u.click(bell);
    await u.click(await screen.findByRole("menuitem", { name: "Mark all read" }));
    await waitFor(() => expect(screen.getByTestId("notification-count")).not.toBeVisible());
    expect(server.calls.filter((c) => c.route === "POST /api/v1/notifications/read").map((c) => c.body)).toEqual([{}]);
    await u.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(bell).toHaveFocus();
  });

  it("opens with no notifications yet and still closes with Escape", async () => {
    const stream = sse();
    fakeServer(stream, []);
    const { u } = renderApp();
    const bell = await screen.findByRole("button", { name: "Notifications" }, { timeout: 5000 });
    await u.click(bell);
    const menu = screen.getByRole("menu", { name: /Notifications/ });
    expect(await within(menu).findByText("No notifications yet.")).toBeInTheDocument();
    expect(menu).toHaveFocus();
    await u.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(bell).toHaveAttribute("aria-expanded", "false");
  });
});
