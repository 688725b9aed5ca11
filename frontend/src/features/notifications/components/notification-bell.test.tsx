import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { eventStream, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const HID = "44444444-4444-4444-4444-444444444444";

const meBody = fakeUser({ email: "alex@example.com", name: "Alex Admin", role: "team_admin" });

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

function fakeServer(stream: ReturnType<typeof eventStream>, initial = [note("n1", "Erin escalated “VPN down” (medium)", true, 60)]) {
  let items = initial;
  const calls: { route: string; body: unknown; auth: string | null; query: string }[] = [];
  stubApi(meBody, async ({ input, url, route }) => {
    const body = input.method === "POST" ? await input.clone().json().catch(() => null) : null;
    calls.push({ route, body, auth: input.headers.get("Authorization"), query: url.search });
    if (route === "GET /api/v1/notifications/stream") return stream.response;
    if (route === "GET /api/v1/notifications") return json(200, { items, unread: items.filter((n) => !n.read_at).length });
    if (route === "POST /api/v1/notifications/read") {
      const ids = (body as { ids?: string[] }).ids;
      items = items.map((n) => (!ids || ids.includes(n.id) ? { ...n, read_at: n.read_at ?? "2026-03-01T12:00:00Z" } : n));
      return json(200, { items, unread: items.filter((n) => !n.read_at).length });
    }
    if (route === `GET /api/v1/handoffs/${HID}`) return json(404, { detail: "No such handoff." });
  });
  return {
    calls,
    arrive() {
      items = [note("n2", "Erin escalated “Printer offline” (high)", false, 0), note("n3", "Jo escalated “Mail stuck” (low)", false, 1), ...items];
    },
  };
}

resetAppBetweenTests();

describe("Notification bell", () => {
  it("shows the unread count from the live stream, read with the token", async () => {
    const stream = eventStream();
    const server = fakeServer(stream);
    renderApp("/profile");
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
    const stream = eventStream();
    const server = fakeServer(stream);
    server.arrive();
    const { u, router } = renderApp("/profile");
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
    const stream = eventStream();
    const server = fakeServer(stream);
    server.arrive();
    const { u } = renderApp("/profile");
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
    const stream = eventStream();
    fakeServer(stream, []);
    const { u } = renderApp("/profile");
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
