import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const ME = "00000000-0000-0000-0000-000000000001";
const TOKEN = "Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-Ab3_-xyz";

const me = fakeUser();

const session = fakeSession({
  ticket_id: "48213",
  last_seq: 1,
  timeline: [
    { id: crypto.randomUUID(), seq: 1, type: "started", actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload: { title: "Sam can't connect" } },
  ],
});

const existing = {
  id: "33333333-3333-3333-3333-333333333333",
  public: false,
  expires_at: null,
  revoked_at: null,
  view_count: 4,
  last_viewed_at: "2026-03-02T10:00:00Z",
  created_at: "2026-03-01T11:00:00Z",
};

function fakeServer() {
  const calls: string[] = [];
  const posted: unknown[] = [];
  let shares: Record<string, unknown>[] = [existing];
  stubApi(me, async ({ input, url, route }) => {
    calls.push(route);
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, session);
    if (route === `GET /api/v1/sessions/${SID}/documentation`) {
      return markdown("# Sam can't connect");
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
  });
  return { calls, posted };
}

async function openShareDialog() {
  const { u } = renderApp(`/sessions/${SID}`);
  await u.click(await screen.findByRole("button", { name: "Share…" }));
  const dialog = await screen.findByRole("dialog", { name: "Share session" });
  return { u, dialog };
}

resetAppBetweenTests();

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
