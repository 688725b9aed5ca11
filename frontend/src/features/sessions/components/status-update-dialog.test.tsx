import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const ME = "00000000-0000-0000-0000-000000000001";

const me = fakeUser({ role: "viewer" });

const session = fakeSession({
  ticket_id: "48213",
  last_seq: 1,
  timeline: [
    { id: crypto.randomUUID(), seq: 1, type: "started", actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload: { title: "Sam can't connect" } },
  ],
});

const TEXTS: Record<string, string> = {
  internal: "Status: active. Problem: Sam can't connect.",
  client: "We are working on the issue you reported (Sam can't connect). We will update you as soon as we know more.",
  email: "Subject: Update on your support request: Sam can't connect\n\nHello,",
};

function fakeServer(opts: { update?: (body: { audience: string; detail: string }) => Response } = {}) {
  const posted: unknown[] = [];
  stubApi(me, async ({ input, url, route }) => {
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, session);
    if (route === `GET /api/v1/sessions/${SID}/documentation`) {
      return markdown("# Sam can't connect");
    }
    if (route === `POST /api/v1/sessions/${SID}/status-update`) {
      const body = (await input.json()) as { audience: string; detail: string };
      posted.push(body);
      if (opts.update) return opts.update(body);
      return json(200, { ...body, text: TEXTS[body.audience], model: "offline", note: null });
    }
    if (url.pathname.endsWith("/stream")) return new Response("", { status: 200, headers: { "Content-Type": "text/event-stream" } });
  });
  return { posted };
}

async function openDialog() {
  const { u } = renderApp(`/sessions/${SID}`);
  // The runner is a lazy route: the first render waits for its code.
  await u.click(await screen.findByRole("button", { name: "Status update" }, { timeout: 5000 }));
  const dialog = await screen.findByRole("dialog", { name: "Status update" });
  return { u, dialog };
}

resetAppBetweenTests();

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
