import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/router";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const ME = "00000000-0000-0000-0000-000000000001";

const me = {
  id: ME,
  email: "eng@example.com",
  name: "Erin Engineer",
  role: "engineer",
  account_id: "00000000-0000-0000-0000-0000000000aa",
  account_name: "Acme MSP",
  is_active: true,
  created_at: "2026-01-01T00:00:00Z",
  last_login_at: null,
  teams: [],
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

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
  return {
    id: SID,
    title: "Sam can't connect",
    status: "active",
    owner_id: ME,
    owner_name: me.name,
    flow_id: FLOW,
    flow_title: "VPN won't connect",
    flow_version: 1,
    ticket_id: "48213",
    current_node: "q_scope",
    current_step: question,
    flow_outcome: null,
    variables: {},
    outcome: null,
    summary: "",
    active_seconds: 42,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    ended_at: null,
    last_seq: 2,
    ...overrides,
  };
}

const initialTimeline = [
  event(1, "started", { title: "Sam can't connect", flow_title: "VPN won't connect", version: 1 }),
  event(2, "step_shown", { node_id: "q_scope", node_type: "question", title: question.title }),
];

type Handler = (body: Record<string, unknown>) => Promise<Response> | Response;

function fakeServer(onEvent: Handler) {
  const calls: string[] = [];
  const posted: Record<string, unknown>[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      calls.push(route);
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me") return json(200, me);
      if (route === `GET /api/v1/sessions/${SID}`) return json(200, { ...sessionRead(), timeline: initialTimeline });
      if (route === `GET /api/v1/sessions/${SID}/documentation`) {
        return new Response(
          `# Sam can't connect\n\nformat ${url.searchParams.get("format")}\n\npassword=[REDACTED:password] key [REDACTED:api_key] [REDACTED:api_key]`,
          { status: 200, headers: { "Content-Type": "text/markdown" } },
        );
      }
      if (route === `POST /api/v1/sessions/${SID}/events`) {
        const body = (await input.json()) as Record<string, unknown>;
        posted.push(body);
        return onEvent(body);
      }
      return json(404, { detail: `no route ${route}` });
    }),
  );
  return { calls, posted };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function renderRunner() {
  const router = createMemoryRouter(routes, { initialEntries: [`/sessions/${SID}`] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

const answered = {
  session: sessionRead({ current_node: "i_client", current_step: inputStep, last_seq: 4, active_seconds: 50 }),
  events: [
    event(3, "answer", { node_id: "q_scope", node_type: "question", title: question.title, answer: "Just this user" }),
    event(4, "step_shown", { node_id: "i_client", node_type: "input", title: inputStep.title }),
  ],
};

beforeEach(() => {
  authStore.reset();
  queryClient.clear();
});
afterEach(() => vi.unstubAllGlobals());

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
