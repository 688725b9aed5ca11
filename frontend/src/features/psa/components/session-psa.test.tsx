import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { queryClient } from "@/lib/query-client";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const ME = "00000000-0000-0000-0000-000000000001";
const PUSH = "33333333-3333-3333-3333-333333333333";

const me = fakeUser();

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: `e${seq}`, seq, type, actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload };
}

function sessionRead(overrides: Record<string, unknown> = {}) {
  const timeline = [event(1, "started", { title: "Sam can't connect", ticket_id: "48213" })];
  return fakeSession({ ticket_id: "48213", active_seconds: 14 * 60 + 5, last_seq: timeline.length, timeline, ...overrides });
}

const ticket = {
  id: "48213",
  summary: "VPN drops every hour",
  company: "Contoso",
  status: "New",
  board: "Service",
  priority: "High",
  contact_name: "Sam Lee",
  contact_email: "sam@contoso.example",
  configurations: [
    { id: "c1", name: "SAM-LAPTOP", type: "Laptop", serial: "SN123", ip_address: "10.0.0.12", os: "Windows 11" },
    { id: "c2", name: "CONTOSO-FW", type: "Firewall", serial: null, ip_address: "10.0.0.1", os: null },
  ],
  provider: "connectwise",
  fetched_at: "2026-03-01T10:00:00Z",
};

function pushRead(overrides: Record<string, unknown> = {}) {
  return {
    id: PUSH,
    session_id: SID,
    session_title: "Sam can't connect",
    provider: "connectwise",
    ticket_id: "48213",
    trigger: "manual",
    note_type: "internal",
    notify_customer: false,
    state: "queued",
    attempts: 0,
    last_error: "",
    psa_note_id: null,
    time_minutes: null,
    target_status: null,
    outcome: {},
    requested_by_name: me.name,
    created_at: "2026-03-01T10:05:00Z",
    next_attempt_at: "2026-03-01T10:05:00Z",
    sent_at: null,
    ...overrides,
  };
}

function psaRead(overrides: Record<string, unknown> = {}) {
  return {
    connected: true,
    provider: "connectwise",
    provider_label: "ConnectWise",
    supports_status: true,
    supports_time_entries: true,
    ticket_id: "48213",
    ticket,
    ticket_error: null,
    pushes: [],
    ...overrides,
  };
}

interface Server {
  session: Record<string, unknown>;
  psa: Record<string, unknown>;
  onPush?: (body: Record<string, unknown>) => Response;
  onLink?: (body: Record<string, unknown>) => Response;
}

function fakeServer(server: Server) {
  const calls: { route: string; body?: unknown }[] = [];
  stubApi(me, async ({ input, url, route }) => {
    const body = input.method === "POST" ? await input.clone().json().catch(() => undefined) : undefined;
    calls.push({ route, body });
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, server.session);
    if (route === `GET /api/v1/sessions/${SID}/documentation`) {
      return markdown("# Sam can't connect");
    }
    if (route === `GET /api/v1/sessions/${SID}/psa`) return json(200, server.psa);
    if (route === `GET /api/v1/sessions/${SID}/psa/preview`) {
      return json(200, {
        text: "Problem summary\nSam can't connect\n\nNotes\npassword=[REDACTED:password] key [REDACTED:api_key]",
        redactions: { password: 1, api_key: 1 },
        ticket_id: "48213",
        active_minutes: 14,
      });
    }
    if (route === `POST /api/v1/sessions/${SID}/psa/push`) {
      return server.onPush ? server.onPush(body as Record<string, unknown>) : json(202, pushRead({ note_type: (body as { note_type: string }).note_type }));
    }
    if (route === `POST /api/v1/sessions/${SID}/psa/ticket`) {
      return server.onLink ? server.onLink(body as Record<string, unknown>) : json(200, ticket);
    }
    if (route === `POST /api/v1/psa/pushes/${PUSH}/retry`) return json(200, pushRead({ state: "queued" }));
    if (url.pathname.endsWith("/stream")) return new Response("", { status: 200, headers: { "Content-Type": "text/event-stream" } });
  });
  return { calls, posted: (route: string) => calls.filter((c) => c.route === route).map((c) => c.body) };
}

function renderRunner() {
  renderApp(`/sessions/${SID}`);
  return userEvent.setup();
}

async function findCard() {
  return screen.findByRole("region", { name: "PSA ticket" }, { timeout: 5000 });
}

resetAppBetweenTests();

describe("PSA ticket card", () => {
  it("shows the ticket's context and its configurations", async () => {
    fakeServer({ session: sessionRead(), psa: psaRead() });
    renderRunner();
    const card = await findCard();
    expect(within(card).getByText("ConnectWise")).toBeInTheDocument();
    expect(within(card).getByTestId("psa-ticket-summary")).toHaveTextContent("#48213VPN drops every hour");
    const details = within(card).getByTestId("psa-ticket-details");
    for (const text of ["Contoso", "Service", "New", "High"]) expect(within(details).getByText(text)).toBeInTheDocument();
    expect(details).toHaveTextContent("ContactSam Lee · sam@contoso.example");
    expect(within(details).getByRole("link", { name: "sam@contoso.example" })).toHaveAttribute("href", "mailto:sam@contoso.example");
    const devices = within(card).getAllByTestId("psa-configuration");
    expect(devices).toHaveLength(2);
    expect(devices[0]).toHaveTextContent("SAM-LAPTOP");
    expect(devices[0]).toHaveTextContent("Laptop");
    expect(devices[0]).toHaveTextContent("Windows 11 · Serial SN123 · IP 10.0.0.12");
    expect(within(card).getByRole("list", { name: "Configurations" })).toBeInTheDocument();
  });

  it("refreshes the ticket with POST …/psa/ticket, and shows a link failure with Try again", async () => {
    const server = fakeServer({ session: sessionRead(), psa: psaRead({ ticket: null, ticket_error: "ConnectWise is unreachable" }) });
    const u = renderRunner();
    const card = await findCard();
    expect(within(card).getByTestId("psa-ticket-error")).toHaveTextContent("Couldn't get ticket #48213 from the PSA: ConnectWise is unreachable");
    await u.click(within(card).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(server.posted(`POST /api/v1/sessions/${SID}/psa/ticket`)).toEqual([{ ticket_id: "48213" }]));
    await u.click(within(card).getByRole("button", { name: "Refresh" }));
    await waitFor(() => expect(server.posted(`POST /api/v1/sessions/${SID}/psa/ticket`)).toHaveLength(2));
  });

  it("offers 'Link a ticket' when none is linked, and shows the PSA's reason for a missing one", async () => {
    const server = fakeServer({
      session: sessionRead({ ticket_id: null }),
      psa: psaRead({ ticket_id: null, ticket: null }),
      onLink: () =>
        json(422, {
          type: "https://resolutionflow.dev/problems/validation-error",
          title: "Validation failed",
          status: 422,
          detail: "Ticket 999 was not found in ConnectWise.",
          errors: [{ loc: ["body", "ticket_id"], msg: "not found", type: "value_error" }],
        }),
    });
    const u = renderRunner();
    const card = await findCard();
    const form = within(card).getByRole("form", { name: "Link a ticket" });
    await u.type(within(form).getByRole("textbox", { name: "Ticket number" }), "999");
    await u.click(within(form).getByRole("button", { name: "Link ticket" }));
    expect(await within(form).findByText("Ticket 999 was not found in ConnectWise.")).toBeInTheDocument();
    expect(server.posted(`POST /api/v1/sessions/${SID}/psa/ticket`)).toEqual([{ ticket_id: "999" }]);
    // Nothing to push to yet: the header button says why.
    const push = screen.getByRole("button", { name: "Push to PSA" });
    expect(push).toBeDisabled();
    expect(push).toHaveAccessibleDescription("No ticket linked: link one in the PSA ticket card first.");
  });

  it("is absent, with no Push button, when no PSA is connected and no ticket is linked", async () => {
    const server = fakeServer({ session: sessionRead({ ticket_id: null }), psa: psaRead({ connected: false, provider: null, provider_label: null, ticket_id: null, ticket: null }) });
    renderRunner();
    await screen.findByRole("button", { name: "Status update" }, { timeout: 5000 });
    await waitFor(() => expect(queryClient.getQueryState(["psa", "session", SID])?.status).toBe("success"));
    expect(server.calls.some((c) => c.route === `GET /api/v1/sessions/${SID}/psa`)).toBe(true);
    expect(screen.queryByRole("region", { name: "PSA ticket" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Push to PSA" })).not.toBeInTheDocument();
  });

  it("lists pushes with their state; a failed one shows its error and Retry posts the retry", async () => {
    const server = fakeServer({
      session: sessionRead({ status: "resolved", ended_at: "2026-03-01T11:00:00Z" }),
      psa: psaRead({
        pushes: [
          pushRead({ state: "failed", attempts: 5, last_error: "ConnectWise answered 503" }),
          pushRead({
            id: "44444444-4444-4444-4444-444444444444",
            state: "sent",
            attempts: 1,
            psa_note_id: "9001",
            sent_at: "2026-03-01T10:06:00Z",
            target_status: "Resolved",
            outcome: { status: { asked: "Resolved", now: "New", ok: false } },
          }),
        ],
      }),
    });
    const u = renderRunner();
    const card = await findCard();
    const rows = within(card).getAllByTestId("psa-push");
    expect(rows.map((r) => r.dataset.state)).toEqual(["failed", "sent"]);
    expect(rows[0]).toHaveTextContent("Failed");
    expect(rows[0]).toHaveTextContent("5 attempts");
    expect(within(rows[0]!).getByTestId("psa-push-error")).toHaveTextContent("ConnectWise answered 503");
    expect(rows[1]).toHaveTextContent("Sent");
    expect(within(rows[1]!).getByRole("note")).toHaveTextContent("ConnectWise kept the ticket at 'New' instead of 'Resolved'");
    expect(within(rows[1]!).queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();

    await u.click(within(rows[0]!).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(server.calls.filter((c) => c.route === `POST /api/v1/psa/pushes/${PUSH}/retry`)).toHaveLength(1));
    expect(await screen.findByText("Push queued again for ticket #48213.")).toBeInTheDocument();
  });
});

describe("Push to PSA", () => {
  it("shows the exact redacted text and counts, and sends the chosen note type with notify off", async () => {
    const server = fakeServer({ session: sessionRead(), psa: psaRead() });
    const u = renderRunner();
    await u.click(await screen.findByRole("button", { name: "Push to PSA" }, { timeout: 5000 }));
    const dialog = await screen.findByRole("dialog", { name: "Push to PSA" });
    expect(within(dialog).getByRole("radio", { name: "Internal" })).toBeChecked();
    const notify = within(dialog).getByRole("checkbox", { name: "Email the customer (processNotifications)" });
    expect(notify).not.toBeChecked();
    expect(await within(dialog).findByTestId("psa-preview-text")).toHaveTextContent("password=[REDACTED:password] key [REDACTED:api_key]");
    expect(within(dialog).getByTestId("psa-redactions")).toHaveTextContent("2 secrets redacted (1 password, 1 api_key)");
    expect(within(dialog).getByRole("checkbox", { name: "Add a time entry for 14 minutes" })).not.toBeChecked();
    expect(within(dialog).getByRole("textbox", { name: "Change ticket status to" })).toHaveValue("");

    await u.click(within(dialog).getByRole("radio", { name: "Discussion" }));
    await u.click(within(dialog).getByRole("button", { name: "Push" }));
    await waitFor(() => expect(server.posted(`POST /api/v1/sessions/${SID}/psa/push`)).toHaveLength(1));
    expect(server.posted(`POST /api/v1/sessions/${SID}/psa/push`)[0]).toEqual({ note_type: "discussion", notify_customer: false, time_entry: false });
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Push to PSA" })).not.toBeInTheDocument());
    expect(await screen.findByText(/Note queued for ticket #48213/)).toBeInTheDocument();
  });

  it("defaults to Resolution for a resolved session and sends the time entry and status when asked", async () => {
    const server = fakeServer({ session: sessionRead({ status: "resolved", ended_at: "2026-03-01T11:00:00Z" }), psa: psaRead() });
    const u = renderRunner();
    await u.click(await screen.findByRole("button", { name: "Push to PSA" }, { timeout: 5000 }));
    const dialog = await screen.findByRole("dialog", { name: "Push to PSA" });
    expect(within(dialog).getByRole("radio", { name: "Resolution" })).toBeChecked();
    await within(dialog).findByTestId("psa-preview-text");
    await u.click(within(dialog).getByRole("checkbox", { name: "Email the customer (processNotifications)" }));
    expect(within(dialog).getByTestId("psa-notify-warning")).toHaveTextContent("ConnectWise will email this note to the ticket's contact");
    await u.click(within(dialog).getByRole("checkbox", { name: "Add a time entry for 14 minutes" }));
    await u.type(within(dialog).getByRole("textbox", { name: "Change ticket status to" }), "Resolved");
    await u.click(within(dialog).getByRole("button", { name: "Push" }));
    await waitFor(() =>
      expect(server.posted(`POST /api/v1/sessions/${SID}/psa/push`)).toEqual([
        { note_type: "resolution", notify_customer: true, time_entry: true, status: "Resolved" },
      ]),
    );
  });

  it("hides time entry and status where the PSA can't do them; Escape closes", async () => {
    fakeServer({ session: sessionRead(), psa: psaRead({ supports_status: false, supports_time_entries: false }) });
    const u = renderRunner();
    await u.click(await screen.findByRole("button", { name: "Push to PSA" }, { timeout: 5000 }));
    const dialog = await screen.findByRole("dialog", { name: "Push to PSA" });
    await within(dialog).findByTestId("psa-preview-text");
    expect(within(dialog).queryByRole("checkbox", { name: /time entry/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole("textbox", { name: "Change ticket status to" })).not.toBeInTheDocument();
    await u.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("shows the server's reason when the push is refused", async () => {
    fakeServer({
      session: sessionRead(),
      psa: psaRead(),
      onPush: () => json(409, { type: "https://resolutionflow.dev/problems/conflict", title: "Conflict", status: 409, detail: "This session has no ticket to push to; link one first." }),
    });
    const u = renderRunner();
    await u.click(await screen.findByRole("button", { name: "Push to PSA" }, { timeout: 5000 }));
    const dialog = await screen.findByRole("dialog", { name: "Push to PSA" });
    await within(dialog).findByTestId("psa-preview-text");
    await u.click(within(dialog).getByRole("button", { name: "Push" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("This session has no ticket to push to; link one first.");
  });

  it("polls while a push is queued and follows it to Sent", async () => {
    const server: Server = { session: sessionRead(), psa: psaRead({ pushes: [pushRead({ state: "queued" })] }) };
    const { calls } = fakeServer(server);
    renderRunner();
    const card = await findCard();
    expect(within(card).getByTestId("psa-push")).toHaveAttribute("data-state", "queued");
    server.psa = psaRead({ pushes: [pushRead({ state: "sent", attempts: 1, psa_note_id: "9001", sent_at: "2026-03-01T10:06:00Z" })] });
    await waitFor(() => expect(within(card).getByTestId("psa-push")).toHaveAttribute("data-state", "sent"), { timeout: 4000 });
    // The state change refreshed the session (its timeline carries the push's entries).
    await waitFor(() => expect(calls.filter((c) => c.route === `GET /api/v1/sessions/${SID}`).length).toBeGreaterThanOrEqual(2));
  });
});

describe("PSA entries on the timeline", () => {
  it("renders linking and pushes: queued, sent with a warning, retrying and failed", async () => {
    const timeline = [
      event(1, "started", { title: "Sam can't connect", ticket_id: "48213" }),
      event(2, "ticket_linked", { ticket_id: "48213", summary: "VPN drops every hour", provider: "connectwise", company: "Contoso", board: "Service", status: "New" }),
      event(3, "psa_push", { push_id: PUSH, state: "queued", ticket_id: "48213", provider: "connectwise", note_type: "internal", trigger: "manual", attempt: null }),
      event(4, "psa_push", {
        push_id: PUSH,
        state: "sent",
        ticket_id: "48213",
        provider: "connectwise",
        note_type: "resolution",
        trigger: "resolve",
        attempt: 1,
        note_id: "9001",
        status_asked: "Resolved",
        status_now: "New",
        status_ok: false,
        warning: "ConnectWise kept the ticket at 'New' instead of 'Resolved'",
      }),
      event(5, "psa_push", { push_id: PUSH, state: "retrying", ticket_id: "48213", provider: "connectwise", note_type: "internal", trigger: "manual", attempt: 1, reason: "ConnectWise answered 503", next_attempt_at: "2026-03-01T10:07:00Z" }),
      event(6, "psa_push", { push_id: PUSH, state: "failed", ticket_id: "48213", provider: "connectwise", note_type: "internal", trigger: "manual", attempt: 5, reason: "ConnectWise answered 503" }),
      event(7, "ticket_link_failed", { ticket_id: "777", reason: "Ticket 777 was not found in ConnectWise." }),
    ];
    fakeServer({ session: sessionRead({ timeline, last_seq: timeline.length }), psa: psaRead() });
    renderRunner();
    const region = await screen.findByRole("region", { name: "Timeline" }, { timeout: 5000 });
    const items = await within(region).findAllByRole("listitem");
    const byType = (type: string) => items.filter((li) => li.dataset.eventType === type);
    expect(byType("ticket_linked")[0]).toHaveTextContent("Linked ticket #48213 — VPN drops every hour");
    const pushes = byType("psa_push");
    expect(pushes).toHaveLength(4);
    expect(pushes[0]).toHaveTextContent("Note queued for ticket #48213 (internal)");
    expect(pushes[1]).toHaveTextContent("Note sent to ticket #48213");
    expect(within(pushes[1]!).getByTestId("timeline-warning")).toHaveTextContent("ConnectWise kept the ticket at 'New' instead of 'Resolved'");
    expect(pushes[2]).toHaveTextContent("Push failed: ConnectWise answered 503 — will retry");
    expect(pushes[3]).toHaveTextContent("Push failed: ConnectWise answered 503");
    expect(pushes[3]).not.toHaveTextContent("will retry");
    expect(byType("ticket_link_failed")[0]).toHaveTextContent("Couldn't pull ticket #777 from the PSA");
    expect(byType("ticket_link_failed")[0]).toHaveTextContent("Ticket 777 was not found in ConnectWise.");
  });
});
