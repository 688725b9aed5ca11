import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

const PAT = {
  id: "pat-id",
  email: "pat@example.com",
  name: "Pat",
  role: "engineer",
  is_active: true,
  status: "active",
  created_at: "2026-01-01T00:00:00Z",
  last_login_at: null,
  teams: [],
};

function fakeServer() {
  const posted: string[] = [];
  stubApi(TEAM_ADMIN, async ({ route }) => {
    if (route === "GET /api/v1/users") return json(200, { items: [{ ...TEAM_ADMIN, status: "active" }, PAT], next_cursor: null });
    if (route === "GET /api/v1/invites") return json(200, { items: [], next_cursor: null });
    if (route.endsWith("/sign-out-everywhere")) {
      posted.push(route);
      return new Response(null, { status: 204 });
    }
  });
  return { posted };
}

resetAppBetweenTests();

describe("People → Sign out everywhere", () => {
  it("signs a person out on every device after confirming; not offered for yourself", async () => {
    const { posted } = fakeServer();
    const u = userEvent.setup();
    renderApp("/admin/people");

    const button = await screen.findByRole("button", { name: "Sign Pat out everywhere" });
    expect(screen.queryByRole("button", { name: `Sign ${TEAM_ADMIN.name} out everywhere` })).toBeNull();
    await u.click(button);
    const dialog = await screen.findByRole("dialog", { name: "Sign Pat out everywhere?" });
    expect(dialog).toHaveTextContent("pat@example.com will be signed out on every browser and device");
    expect(posted).toEqual([]);
    await u.click(within(dialog).getByRole("button", { name: "Sign out everywhere" }));

    await waitFor(() => expect(posted).toEqual(["POST /api/v1/users/pat-id/sign-out-everywhere"]));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await screen.findByText("Pat was signed out everywhere.")).toBeInTheDocument();
  });
});
