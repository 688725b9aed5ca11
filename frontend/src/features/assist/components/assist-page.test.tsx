import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const CID = "44444444-4444-4444-4444-444444444444";
const FLOW = "22222222-2222-2222-2222-222222222222";
const SID = "55555555-5555-5555-5555-555555555555";

const me = fakeUser();

const flowSource = { kind: "flow", id: FLOW, title: "VPN won't connect", snippet: "A remote user can't connect…", relevance: 0.39 };
const reply = {
  content: "**Matching flow: “VPN won't connect”**. Start with the gateway.",
  sources: [flowSource],
  confidence: 0.39,
  confidence_label: "low",
  tier: "fast",
  model: "offline",
  provider: "offline",
  suggestions: [{ title: "Is it just this user?", instructions: "Check the PSA.", command: null, source: flowSource, confidence: 0.39 }],
  note: null,
  reason: "no model is configured",
  question_seq: 1,
  reply_seq: 2,
};

function summary(overrides: Record<string, unknown> = {}) {
  return {
    id: CID,
    title: "GlobalProtect says gateway unreachable",
    message_count: 2,
    session_id: null,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    ...overrides,
  };
}

const { content: _c, question_seq: _q, reply_seq: _r, ...payload } = reply;
const exchange = [
  { seq: 1, role: "user", content: "GlobalProtect says gateway unreachable", payload: {}, created_at: "2026-03-01T10:00:00Z" },
  { seq: 2, role: "assistant", content: reply.content, payload, created_at: "2026-03-01T10:00:01Z" },
];

function sse(events: [string, unknown][]): Response {
  const text = events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join("");
  return new Response(text, { status: 200, headers: { "Content-Type": "text/event-stream" } });
}

interface State {
  conversations: ReturnType<typeof summary>[];
  messages: typeof exchange;
}

function fakeServer(state: State) {
  const log: { route: string; query: string; body: unknown }[] = [];
  stubApi(me, async ({ input, url, route }) => {
    const body = input.method === "POST" ? await input.clone().json().catch(() => null) : null;
    log.push({ route, query: url.search, body });
    if (route === "GET /api/v1/assist/conversations") {
      const q = url.searchParams.get("q")?.toLowerCase() ?? "";
      return json(200, { items: state.conversations.filter((c) => c.title.toLowerCase().includes(q)), next_cursor: null });
    }
    if (route === "POST /api/v1/assist/conversations") {
      return json(201, { ...summary({ title: "New conversation", message_count: 0 }), messages: [] });
    }
    if (route === `GET /api/v1/assist/conversations/${CID}`) {
      const c = state.conversations.find((x) => x.id === CID) ?? summary({ title: "New conversation", message_count: 0 });
      return json(200, { ...c, messages: state.messages });
    }
    if (route === `POST /api/v1/assist/conversations/${CID}/messages`) {
      state.conversations = [summary()];
      state.messages = exchange;
      return sse([
        ["delta", { text: "**Matching flow: “VPN won't connect”**." }],
        ["delta", { text: " Start with the gateway." }],
        ["reply", reply],
      ]);
    }
    if (route === `POST /api/v1/assist/conversations/${CID}/session`) {
      return json(201, { id: SID, title: "VPN down", status: "active", timeline: [] });
    }
    if (route === `DELETE /api/v1/assist/conversations/${CID}`) return json(204, null);
  });
  return log;
}

function renderAt(path: string) {
  return renderApp(path);
}

resetAppBetweenTests();

describe("ResolutionAssist", () => {
  it("explains itself, then asks in a new conversation: creates it, streams the answer and shows its sources", async () => {
    const state: State = { conversations: [], messages: [] };
    const log = fakeServer(state);
    const { router, u } = renderAt("/assist");

    expect(await screen.findByText(/Lead with the fix, exact commands, warnings before anything destructive/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText("No conversations yet. Ask your first question.")).toBeInTheDocument();

    await u.type(screen.getByLabelText("Ask ResolutionAssist"), "GlobalProtect says gateway unreachable{Enter}");

    const card = await screen.findByTestId("copilot-reply");
    expect(router.state.location.pathname).toBe(`/assist/${CID}`);
    expect(within(card).getByTestId("copilot-confidence")).toHaveTextContent("Confidence: low (0.39)");
    expect(within(within(card).getByRole("list", { name: "Sources" })).getByRole("link", { name: "VPN won't connect" })).toHaveAttribute(
      "href",
      `/flows/${FLOW}`,
    );
    // Suggestions are shown, but there is no session to accept them onto.
    expect(within(card).getByTestId("copilot-suggestion")).toHaveTextContent("Is it just this user?");
    expect(within(card).queryByRole("button", { name: "Accept" })).toBeNull();

    const sent = log.find((l) => l.route === `POST /api/v1/assist/conversations/${CID}/messages`);
    expect(sent?.body).toEqual({ content: "GlobalProtect says gateway unreachable" });
    const list = await screen.findByRole("list", { name: "Conversation list" });
    expect(await within(list).findByRole("link", { name: /GlobalProtect says gateway unreachable/ })).toHaveAttribute("aria-current", "page");
  });

  it("searches the conversation list (debounced)", async () => {
    const state: State = { conversations: [summary(), summary({ id: "66666666-6666-6666-6666-666666666666", title: "Printer offline" })], messages: exchange };
    const log = fakeServer(state);
    const { u } = renderAt("/assist");
    const list = await screen.findByRole("list", { name: "Conversation list" }, { timeout: 5000 });
    expect(within(list).getAllByRole("link")).toHaveLength(2);
    await u.type(screen.getByLabelText("Search conversations"), "printer");
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Conversation list" })).getAllByRole("link")).toHaveLength(1));
    expect(screen.getByRole("link", { name: /Printer offline/ })).toBeInTheDocument();
    const searches = log.filter((l) => l.route === "GET /api/v1/assist/conversations").map((l) => new URLSearchParams(l.query).get("q"));
    expect(searches).toContain("printer");
    expect(searches).not.toContain("p");
  });

  it("checks attachments before sending: type, size and count, with chips for what fits", async () => {
    fakeServer({ conversations: [], messages: [] });
    renderAt("/assist");
    // The picker's `accept` is only a hint (drops and pastes ignore it): check what the page does.
    const u = userEvent.setup({ applyAccept: false });
    const input = (await screen.findByTestId("assist-attach-input", {}, { timeout: 5000 })) as HTMLInputElement;
    const exe = new File(["MZ"], "setup.exe", { type: "application/x-msdownload" });
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "huge.png", { type: "image/png" });
    const log = new File(["error 809\n"], "vpn.log", { type: "" });
    await u.upload(input, [exe, big, log]);

    const alerts = screen.getByRole("alert");
    expect(alerts).toHaveTextContent("“setup.exe” isn't a screenshot (PNG, JPEG, GIF, WebP) or a text log.");
    expect(alerts).toHaveTextContent("“huge.png” is larger than 5 MB.");
    const chips = screen.getByRole("list", { name: "Attachments" });
    expect(within(chips).getByText("vpn.log")).toBeInTheDocument();
    expect(within(chips).getByText("10 B")).toBeInTheDocument();
    await u.click(within(chips).getByRole("button", { name: "Remove vpn.log" }));
    expect(screen.queryByRole("list", { name: "Attachments" })).toBeNull();
  });

  it("turns the conversation into a session and opens it", async () => {
    const log = fakeServer({ conversations: [summary()], messages: exchange });
    const { router, u } = renderAt(`/assist/${CID}`);
    await u.click(await screen.findByRole("button", { name: "Turn into session" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Turn into session" });
    const title = within(dialog).getByLabelText("Title");
    expect(title).toHaveValue("GlobalProtect says gateway unreachable");
    await u.clear(title);
    await u.type(title, "VPN down");
    await u.type(within(dialog).getByLabelText("Ticket"), "48213");
    await u.click(within(dialog).getByRole("button", { name: "Create session" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SID}`));
    expect(log.find((l) => l.route === `POST /api/v1/assist/conversations/${CID}/session`)?.body).toEqual({ title: "VPN down", ticket_id: "48213" });
  });

  it("asks before leaving with an unsent message", async () => {
    fakeServer({ conversations: [summary()], messages: exchange });
    const { router, u } = renderAt(`/assist/${CID}`);
    await u.type(await screen.findByLabelText("Ask ResolutionAssist", {}, { timeout: 5000 }), "half a thought");
    await u.click(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Sessions" }));
    const dialog = await screen.findByRole("dialog", { name: "Leave without sending?" });
    await u.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(router.state.location.pathname).toBe(`/assist/${CID}`);
    expect(screen.getByLabelText("Ask ResolutionAssist")).toHaveValue("half a thought");
  });

  it("deletes a conversation after confirming", async () => {
    const state: State = { conversations: [summary()], messages: exchange };
    const log = fakeServer(state);
    const { router, u } = renderAt(`/assist/${CID}`);
    await u.click(await screen.findByRole("button", { name: "Delete conversation" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Delete conversation?" });
    state.conversations = [];
    await u.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/assist"));
    expect(log.some((l) => l.route === `DELETE /api/v1/assist/conversations/${CID}`)).toBe(true);
  });
});
