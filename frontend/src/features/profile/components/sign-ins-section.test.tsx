import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

type Obj = Record<string, unknown>;

function signIn(id: string, agent: string, current = false): Obj {
  return {
    id,
    created_at: "2026-12-01T09:00:00Z",
    last_seen_at: "2026-12-07T09:00:00Z",
    expires_at: "2026-12-21T09:00:00Z",
    user_agent: agent,
    ip: "203.0.113.7",
    current,
  };
}

function fakeServer() {
  let signIns: Obj[] = [signIn("here", "Firefox on Linux", true), signIn("phone", "Safari on iPhone"), signIn("tablet", "Chrome on Android")];
  const calls: string[] = [];
  stubApi(TEAM_ADMIN, async ({ route }) => {
    if (route === "GET /api/v1/me/sessions") return json(200, { items: signIns });
    const del = route.match(/^DELETE \/api\/v1\/me\/sessions\/([^/]+)$/);
    if (del) {
      calls.push(route);
      signIns = signIns.filter((s) => s.id !== del[1]);
      return new Response(null, { status: 204 });
    }
    if (route === "POST /api/v1/me/sessions/revoke-others") {
      calls.push(route);
      const revoked = signIns.filter((s) => !s.current).length;
      signIns = signIns.filter((s) => s.current);
      return json(200, { revoked });
    }
  });
  return { calls };
}

const rows = async () => within(await screen.findByRole("table", { name: "Signed-in devices" })).findAllByTestId("sign-in-row");

resetAppBetweenTests();

describe("Signed-in devices", () => {
  it("lists each device with this one marked, and signs one out after confirming", async () => {
    const { calls } = fakeServer();
    const u = userEvent.setup();
    renderApp("/profile");

    const listed = await rows();
    expect(listed).toHaveLength(3);
    expect(within(listed[0]!).getByText("This device")).toBeInTheDocument();
    expect(within(listed[1]!).queryByText("This device")).toBeNull();
    expect(listed[1]).toHaveTextContent("Safari on iPhone");
    expect(listed[1]).toHaveTextContent("203.0.113.7");

    await u.click(within(listed[1]!).getByRole("button", { name: "Sign out Safari on iPhone" }));
    const dialog = await screen.findByRole("dialog", { name: "Sign out this device?" });
    expect(calls).toEqual([]); // nothing happens before confirming
    await u.click(within(dialog).getByRole("button", { name: "Sign out" }));

    await waitFor(() => expect(calls).toEqual(["DELETE /api/v1/me/sessions/phone"]));
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    expect(screen.queryByRole("button", { name: "Sign out Safari on iPhone" })).toBeNull();
  });

  it("signs out every other device, keeping this one", async () => {
    const { calls } = fakeServer();
    const u = userEvent.setup();
    renderApp("/profile");
    await rows();

    await u.click(screen.getByRole("button", { name: "Sign out all others" }));
    const dialog = await screen.findByRole("dialog", { name: "Sign out all other devices?" });
    expect(within(dialog).getByText(/2 devices/)).toBeInTheDocument();
    await u.click(within(dialog).getByRole("button", { name: "Sign out others" }));

    await waitFor(() => expect(calls).toEqual(["POST /api/v1/me/sessions/revoke-others"]));
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect(screen.queryByRole("button", { name: "Sign out all others" })).toBeNull();
  });
});
