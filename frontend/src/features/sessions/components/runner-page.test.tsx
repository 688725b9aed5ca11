import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { deferred, fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const ME = "00000000-0000-0000-0000-000000000001";

const me = fakeUser();

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: crypto.randomUUID(), seq, type, actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload };
}

const question = {
  node_id: "q_scope",
  type: "question",
  title: "Is it just this user, or several users at once?",
  body: "Ask **who else** is affected.",
  flow_id: FLOW,
  flow_title: "VPN won't connect",
  answers: ["Just this user", "Several users"],
  items: [],
  ticked: [],
  variable: null,
  outcome: null,
};

const inputStep = { ...question, node_id: "i_client", type: "input", title: "Which VPN client and version?", body: "", answers: [], variable: "vpn_client" };

function sessionRead(overrides: Record<string, unknown> = {}) {
  return fakeSession({
    flow_id: FLOW,
    flow_title: "VPN won't connect",
    flow_version: 1,
    ticket_id: "48213",
    current_node: "q_scope",
    current_step: question,
    last_seq: 2,
    ...overrides,
  });
}

const initialTimeline = [
  event(1, "started", { title: "Sam can't connect", flow_title: "VPN won't connect", version: 1 }),
  event(2, "step_shown", { node_id: "q_scope", node_type: "question", title: question.title }),
];

type Handler = (body: Record<string, unknown>) => Promise<Response> | Response;

function fakeServer(onEvent: Handler) {
  const calls: string[] = [];
  const posted: Record<string, unknown>[] = [];
  stubApi(me, async ({ input, url, route }) => {
    calls.push(route);
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, { ...sessionRead(), timeline: initialTimeline });
    if (route === `GET /api/v1/sessions/${SID}/documentation`) {
      return markdown(
        `# Sam can't connect\n\nformat ${url.searchParams.get("format")}\n\npassword=[REDACTED:password] key [REDACTED:api_key] [REDACTED:api_key]`,
      );
    }
    if (route === `POST /api/v1/sessions/${SID}/events`) {
      const body = (await input.json()) as Record<string, unknown>;
      posted.push(body);
      return onEvent(body);
    }
  });
  return { calls, posted };
}

function renderRunner() {
  renderApp(`/sessions/${SID}`);
}

const answered = {
  session: sessionRead({ current_node: "i_client", current_step: inputStep, last_seq: 4, active_seconds: 50 }),
  events: [
    event(3, "answer", { node_id: "q_scope", node_type: "question", title: question.title, answer: "Just this user" }),
    event(4, "step_shown", { node_id: "i_client", node_type: "input", title: inputStep.title }),
  ],
};

resetAppBetweenTests();

describe("Session runner: answering", () => {
  it("disables the answers at once, then shows the server's next step from the response (no refetch)", async () => {
    const reply = deferred<Response>();
    const { calls, posted } = fakeServer(() => reply.promise);
    const u = userEvent.setup();
    renderRunner();

    const card = await screen.findByRole("region", { name: "Current step" });
    expect(within(card).getByRole("heading", { name: question.title })).toBeInTheDocument();
    await u.click(within(card).getByRole("button", { name: "Just this user" }));

    // Pending: every answer is disabled and the card says it's busy, before the server answers.
    expect(within(card).getByRole("button", { name: "Just this user" })).toBeDisabled();
    expect(within(card).getByRole("button", { name: "Several users" })).toBeDisabled();
    expect(card).toHaveAttribute("aria-busy", "true");
    expect(within(screen.getByRole("region", { name: "Timeline" })).getByText("Sending…")).toBeInTheDocument();

    reply.resolve(json(201, answered));
    const next = await screen.findByLabelText("Which VPN client and version?");
    expect(next).toHaveAttribute("name", "vpn_client");
    expect(screen.getByRole("button", { name: "Continue" })).toBeEnabled();
    expect(screen.queryByRole("button", { name: "Just this user" })).toBeNull();
    const timeline = screen.getByRole("region", { name: "Timeline" });
    expect(within(timeline).getByText("Answer: Just this user")).toBeInTheDocument();
    expect(within(timeline).queryByText("Sending…")).toBeNull();

    expect(posted).toEqual([{ type: "answer", node_id: "q_scope", answer: "Just this user" }]);
    expect(calls.filter((c) => c === `GET /api/v1/sessions/${SID}`)).toHaveLength(1);
  });

  it("rolls back visibly on an error: a toast with the problem detail, and the same card usable again", async () => {
    const reply = deferred<Response>();
    fakeServer(() => reply.promise);
    const u = userEvent.setup();
    renderRunner();

    const card = await screen.findByRole("region", { name: "Current step" });
    await u.click(within(card).getByRole("button", { name: "Several users" }));
    expect(within(card).getByRole("button", { name: "Several users" })).toBeDisabled();

    reply.resolve(json(409, { title: "Conflict", status: 409, detail: "This session is paused; resume it first." }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This session is paused; resume it first.");
    await waitFor(() => expect(within(card).getByRole("button", { name: "Several users" })).toBeEnabled());
    expect(within(card).getByRole("heading", { name: question.title })).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Timeline" })).queryByText("Sending…")).toBeNull();
  });

  it("answers with number keys, but not while typing a note", async () => {
    const { posted } = fakeServer(() => json(201, answered));
    const u = userEvent.setup();
    renderRunner();
    await screen.findByRole("region", { name: "Current step" });

    await u.type(screen.getByLabelText("Note"), "1 user");
    expect(posted).toEqual([]);

    await u.click(document.body);
    await u.keyboard("1");
    await waitFor(() => expect(posted).toEqual([{ type: "answer", node_id: "q_scope", answer: "Just this user" }]));
    expect(await screen.findByLabelText("Which VPN client and version?")).toBeInTheDocument();
  });

  it("shows the live documentation and a redaction notice", async () => {
    fakeServer(() => json(201, answered));
    const u = userEvent.setup();
    renderRunner();
    await u.click(await screen.findByRole("tab", { name: "Documentation" }));
    const preview = await screen.findByTestId("documentation-preview");
    expect(await within(preview).findByRole("heading", { name: "Sam can't connect" })).toBeInTheDocument();
    expect(screen.getByText(/Passwords, keys and tokens are replaced with/)).toBeInTheDocument();
    expect(screen.getByTestId("redaction-summary")).toHaveTextContent("Redacted: 1 password, 2 api_key");
    expect([...preview.querySelectorAll("mark")].map((m) => m.textContent)).toEqual([
      "[REDACTED:password]",
      "[REDACTED:api_key]",
      "[REDACTED:api_key]",
    ]);
    await u.click(screen.getByRole("button", { name: "Plain text" }));
    expect(await within(preview).findByText(/format text/)).toBeInTheDocument();
    expect(within(preview).getAllByText("[REDACTED:api_key]", { selector: "mark" })).toHaveLength(2);
  });
});
