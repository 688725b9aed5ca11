import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, eventStream, fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const PAST = "33333333-3333-3333-3333-333333333333";
const ME = "00000000-0000-0000-0000-000000000001";

const meAs = (role: string) => fakeUser({ role });

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: `ev-${seq}`, seq, type, actor_id: ME, actor_name: "Erin Engineer", created_at: "2026-03-01T10:00:00Z", payload };
}

const step = {
  node_id: "q_scope",
  type: "question",
  title: "Is it just this user, or several users at once?",
  body: "",
  flow_id: FLOW,
  flow_title: "VPN won't connect",
  answers: ["Just this user", "Several users"],
  items: [],
  ticked: [],
  variable: null,
  outcome: null,
};

function sessionRead(timeline: ReturnType<typeof event>[], overrides: Record<string, unknown> = {}) {
  return fakeSession({
    flow_id: FLOW,
    flow_title: "VPN won't connect",
    flow_version: 1,
    current_node: "q_scope",
    current_step: step,
    last_seq: timeline.length ? timeline[timeline.length - 1]!.seq : 0,
    timeline,
    ...overrides,
  });
}

const source = {
  kind: "session",
  id: PAST,
  title: "GlobalProtect gateway unreachable at the dentist",
  snippet: "Switched to the alternate gateway on port 4443.",
  relevance: 0.51,
};

const reply = {
  content: "Check the **gateway** port first.",
  sources: [source],
  confidence: 0.66,
  confidence_label: "medium",
  tier: "fast",
  model: "offline",
  provider: "offline",
  suggestions: [
    { title: "Test the gateway port", instructions: "A blocked port points at the network.", command: "Test-NetConnection vpn.example.com -Port 443", source, confidence: 0.5 },
    { title: "Try what fixed the dentist", instructions: "Alternate gateway.", command: null, source, confidence: 0.4 },
  ],
  note: "No model is configured; the offline engine answered.",
  reason: "no model is configured",
  question_seq: 3,
  reply_seq: 4,
};

const started = [
  event(1, "started", { title: "Sam can't connect", flow_title: "VPN won't connect", version: 1 }),
  event(2, "step_shown", { node_id: "q_scope", node_type: "question", title: step.title }),
];
const { question_seq: _q, reply_seq: _r, ...stored } = reply;
const asked = [
  ...started,
  event(3, "copilot_question", { content: "GlobalProtect says gateway unreachable" }),
  event(4, "copilot_reply", { ...stored, question_seq: 3 }),
];

interface ServerOptions {
  role?: string;
  timeline?: () => ReturnType<typeof event>[];
  status?: string;
  onAsk?: (body: Record<string, unknown>, request: Request) => Promise<Response> | Response;
  onEvent?: (body: Record<string, unknown>) => Promise<Response> | Response;
}

function fakeServer(options: ServerOptions) {
  const asked: { body: Record<string, unknown>; accept: string | null; auth: string | null }[] = [];
  const posted: Record<string, unknown>[] = [];
  const calls: string[] = [];
  stubApi(meAs(options.role ?? "engineer"), async ({ input, route }) => {
    calls.push(route);
    if (route === `GET /api/v1/sessions/${SID}`) {
      return json(200, sessionRead((options.timeline ?? (() => started))(), options.status ? { status: options.status } : {}));
    }
    if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
    if (route === `GET /api/v1/sessions/${SID}/redaction-reports`) return json(200, { items: [] });
    if (route === `GET /api/v1/sessions/${SID}/stream`) return new Response(new ReadableStream(), { status: 200, headers: { "Content-Type": "text/event-stream" } });
    if (route === `POST /api/v1/sessions/${SID}/copilot/messages`) {
      const body = (await input.clone().json()) as Record<string, unknown>;
      asked.push({ body, accept: input.headers.get("Accept"), auth: input.headers.get("Authorization") });
      return options.onAsk ? options.onAsk(body, input) : json(500, { title: "no handler" });
    }
    if (route === `POST /api/v1/sessions/${SID}/events`) {
      const body = (await input.json()) as Record<string, unknown>;
      posted.push(body);
      return options.onEvent ? options.onEvent(body) : json(500, { title: "no handler" });
    }
  });
  return { asked, posted, calls };
}

async function openCopilot() {
  const { router, u } = renderApp(`/sessions/${SID}`);
  await u.click(await screen.findByRole("tab", { name: "Copilot" }, { timeout: 5000 }));
  const panel = screen.getByRole("tabpanel", { name: "Copilot" });
  return { u, panel, router };
}

resetAppBetweenTests();

describe("Copilot panel: asking", () => {
  it("streams the answer as it is written, clears it on reset, then shows the final reply with badges, sources and suggestions", async () => {
    const stream = eventStream();
    let timeline = started;
    const { asked: requests } = fakeServer({ timeline: () => timeline, onAsk: () => stream.response });
    const { u, panel } = await openCopilot();

    expect(within(panel).getByText(/Ask about this session — the copilot sees the flow step, notes and output, redacted/)).toBeInTheDocument();
    const box = within(panel).getByLabelText("Ask the copilot");
    await u.type(box, "GlobalProtect says gateway unreachable{Enter}");

    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toEqual({ content: "GlobalProtect says gateway unreachable", resend_images: false });
    expect(requests[0]!.accept).toBe("text/event-stream");
    expect(requests[0]!.auth).toBe("Bearer tok");
    expect(box).toHaveValue("");
    expect(within(panel).getByTestId("copilot-question")).toHaveTextContent("GlobalProtect says gateway unreachable");

    stream.send("delta", { text: "Wrong start" });
    const answer = await within(panel).findByTestId("copilot-answer");
    await waitFor(() => expect(answer).toHaveTextContent("Wrong start"));
    expect(answer).toHaveAttribute("aria-live", "polite");

    stream.send("reset", { reason: "A deeper model is taking over." });
    await waitFor(() => expect(within(panel).getByTestId("copilot-answer")).not.toHaveTextContent("Wrong start"));
    expect(within(panel).getByText(/Starting over: A deeper model is taking over\./)).toBeInTheDocument();

    stream.send("delta", { text: "Check the " });
    await waitFor(() => expect(within(panel).getByTestId("copilot-answer")).toHaveTextContent("Check the"));
    stream.send("delta", { text: "gateway port first." });
    await waitFor(() => expect(within(panel).getByTestId("copilot-answer")).toHaveTextContent("Check the gateway port first."));

    timeline = asked;
    stream.send("reply", reply);
    stream.close();

    await within(panel).findByTestId("copilot-reply");
    expect(within(panel).queryByTestId("copilot-answer")).toBeNull();
    // Then the reply is shown from the refreshed timeline, with its Accept buttons.
    await waitFor(() => expect(within(panel).getAllByRole("button", { name: "Accept" })).toHaveLength(2));
    const card = within(panel).getByTestId("copilot-reply");
    expect(within(card).getByTestId("copilot-tier")).toHaveTextContent("Fast");
    expect(within(card).getByTestId("copilot-tier")).toHaveTextContent("offline");
    expect(within(card).getByTestId("copilot-confidence")).toHaveTextContent("Confidence: medium (0.66)");
    expect(within(card).getByTestId("copilot-note")).toHaveTextContent("No model is configured");
    const sources = within(card).getByRole("list", { name: "Sources" });
    expect(within(sources).getByRole("link", { name: source.title })).toHaveAttribute("href", `/sessions/${PAST}`);
    const suggestions = within(card).getAllByTestId("copilot-suggestion");
    expect(suggestions).toHaveLength(2);
    expect(within(suggestions[0]!).getByTestId("copilot-command")).toHaveTextContent("Test-NetConnection vpn.example.com -Port 443");
    expect(within(suggestions[0]!).getByRole("button", { name: "Copy command" })).toBeInTheDocument();

    // "Why?" lists the evidence with its snippet and relevance.
    const why = within(card).getByRole("button", { name: "Why?" });
    expect(why).toHaveAttribute("aria-expanded", "false");
    await u.click(why);
    expect(why).toHaveAttribute("aria-expanded", "true");
    const evidence = within(card).getByTestId("copilot-why");
    expect(evidence).toBeVisible();
    expect(evidence).toHaveTextContent("Switched to the alternate gateway on port 4443.");
    expect(evidence).toHaveTextContent("relevance 0.51");
    expect(evidence).toHaveTextContent("no model is configured");

    // The timeline shows the exchange too.
    const tl = screen.getByRole("region", { name: "Timeline" });
    await waitFor(() => expect(tl.querySelector('[data-event-type="copilot_reply"]')).not.toBeNull());
  });

  it("keeps Shift+Enter as a new line, clears on Escape, and doesn't send an empty question", async () => {
    const { asked: requests } = fakeServer({});
    const { u, panel } = await openCopilot();
    const box = within(panel).getByLabelText("Ask the copilot");
    await u.type(box, "line one{Shift>}{Enter}{/Shift}line two");
    expect(box).toHaveValue("line one\nline two");
    expect(requests).toHaveLength(0);
    await u.keyboard("{Escape}");
    expect(box).toHaveValue("");
    await u.type(box, "{Enter}");
    expect(requests).toHaveLength(0);
    expect(within(panel).getByRole("button", { name: "Send" })).toBeDisabled();
  });

  it("shows a problem returned before streaming (409) and gives the question back", async () => {
    fakeServer({ onAsk: () => json(409, { title: "Conflict", status: 409, detail: "This session is resolved; the copilot helps while it is open." }) });
    const { u, panel } = await openCopilot();
    const box = within(panel).getByLabelText("Ask the copilot");
    await u.type(box, "why?{Enter}");
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Couldn't get an answer: This session is resolved; the copilot helps while it is open.");
    expect(box).toHaveValue("why?");
    expect(within(panel).queryByTestId("copilot-question")).toBeNull();
  });

  it("shows an error event from the stream", async () => {
    const stream = eventStream();
    fakeServer({ onAsk: () => stream.response });
    const { u, panel } = await openCopilot();
    await u.type(within(panel).getByLabelText("Ask the copilot"), "why?{Enter}");
    stream.send("delta", { text: "Partial" });
    stream.send("error", { type: "about:blank", title: "Reply not saved", status: 500, detail: "The answer could not be saved to the timeline; ask again." });
    stream.close();
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Couldn't get an answer:");
    expect(within(panel).queryByTestId("copilot-answer")).toBeNull();
  });

  it("refreshes the token once on a 401 and retries the question", async () => {
    let first = true;
    const { asked: requests, calls } = fakeServer({
      timeline: () => (first ? started : asked),
      onAsk: () => {
        if (first) {
          first = false;
          return json(401, { title: "Not signed in", status: 401 });
        }
        const s = eventStream();
        s.send("reply", reply);
        s.close();
        return s.response;
      },
    });
    const { u, panel } = await openCopilot();
    await u.type(within(panel).getByLabelText("Ask the copilot"), "GlobalProtect says gateway unreachable{Enter}");
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(await within(panel).findByTestId("copilot-reply")).toBeInTheDocument();
    expect(calls.filter((c) => c === "POST /api/v1/auth/refresh").length).toBeGreaterThanOrEqual(2);
    expect(within(panel).queryByRole("alert")).toBeNull();
  });
});

describe("Copilot panel: accepting a suggestion", () => {
  it("posts the reply's seq and the suggestion's index, shows it accepted at once, and keeps it accepted from the timeline", async () => {
    const answer = deferred<Response>();
    const { posted } = fakeServer({ timeline: () => asked, onEvent: () => answer.promise });
    const { u, panel } = await openCopilot();
    const cards = await within(panel).findAllByTestId("copilot-suggestion");
    await u.click(within(cards[1]!).getByRole("button", { name: "Accept" }));

    expect(posted).toEqual([{ type: "accept_suggestion", reply_seq: 4, index: 1 }]);
    expect(within(cards[1]!).getByRole("button", { name: "Accepted" })).toBeDisabled();

    const accepted = event(5, "suggestion_accepted", {
      title: "Try what fixed the dentist",
      instructions: "Alternate gateway.",
      command: null,
      source_title: source.title,
      source_kind: "session",
      reply_seq: 4,
    });
    answer.resolve(json(201, { session: sessionRead([...asked, accepted]), events: [accepted] }));
    const tl = screen.getByRole("region", { name: "Timeline" });
    await waitFor(() => expect(tl.querySelector('[data-event-type="suggestion_accepted"]')).not.toBeNull());
    expect(within(tl.querySelector('[data-event-type="suggestion_accepted"]') as HTMLElement).getByText("Try what fixed the dentist")).toBeInTheDocument();
    expect(within(cards[1]!).getByRole("button", { name: "Accepted" })).toBeDisabled();
    expect(within(cards[0]!).getByRole("button", { name: "Accept" })).toBeEnabled();
  });

  it("rolls back visibly when accepting fails", async () => {
    const answer = deferred<Response>();
    fakeServer({ timeline: () => asked, onEvent: () => answer.promise });
    const { u, panel } = await openCopilot();
    const cards = await within(panel).findAllByTestId("copilot-suggestion");
    await u.click(within(cards[0]!).getByRole("button", { name: "Accept" }));
    expect(within(cards[0]!).getByRole("button", { name: "Accepted" })).toBeDisabled();

    answer.resolve(json(409, { title: "Conflict", status: 409, detail: "This session is paused; resume it first." }));
    expect(await within(cards[0]!).findByRole("alert")).toHaveTextContent("Couldn't accept: This session is paused; resume it first.");
    expect(within(cards[0]!).getByRole("button", { name: "Accept" })).toBeEnabled();
  });
});

describe("Copilot panel: who can ask", () => {
  it("is read-only for a viewer, with the reason", async () => {
    fakeServer({ role: "viewer", timeline: () => asked });
    const { panel } = await openCopilot();
    await waitFor(() => expect(within(panel).getByLabelText("Ask the copilot")).toBeDisabled());
    expect(within(panel).getByText("You can read this conversation; only engineers can ask the copilot.")).toBeInTheDocument();
    // The conversation is still there to read; suggestions can't be accepted.
    const card = within(panel).getAllByTestId("copilot-suggestion")[0]!;
    expect(within(card).getByRole("button", { name: "Accept" })).toBeDisabled();
  });

  it("is closed once the session has ended", async () => {
    fakeServer({ status: "resolved", timeline: () => asked });
    const { panel } = await openCopilot();
    await waitFor(() => expect(within(panel).getByLabelText("Ask the copilot")).toBeDisabled());
    expect(within(panel).getByText(/This session is resolved; the copilot helps while a session is open\./)).toBeInTheDocument();
  });
});
