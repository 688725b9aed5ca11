import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { deferred, fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const ME = "00000000-0000-0000-0000-000000000001";

const me = fakeUser();

const session = fakeSession({
  title: "GlobalProtect won't connect",
  mode: "pilot",
  active_seconds: 10,
  last_seq: 1,
  timeline: [
    { id: "e1", seq: 1, type: "pilot_intake", actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload: { text: "GP down" } },
  ],
});

type Step = Record<string, unknown> & { id: string };

function step(overrides: Partial<Step> & { id: string }): Step {
  return {
    ordinal: 1,
    type: "question",
    confidence: 0.56,
    source: "flow",
    status: "open",
    text: null,
    options: [],
    allow_text: false,
    purpose: null,
    kind: null,
    title: null,
    instructions: null,
    command: null,
    expected: null,
    summary: null,
    fix: null,
    follow_ups: [],
    hypotheses: [],
    source_ref: null,
    answer: null,
    ...overrides,
  };
}

const followFlow = step({
  id: "s1",
  text: "Follow “VPN won't connect”? It matches this problem (score 0.85).",
  options: ["Follow this flow", "Not this one"],
  purpose: "follow_flow",
  source_ref: { kind: "flow", id: FLOW, title: "VPN won't connect" },
});
const action = step({
  id: "s2",
  ordinal: 2,
  type: "action",
  kind: "verification",
  title: "Test the gateway port",
  instructions: "Run it from the **user's** machine.",
  command: "Test-NetConnection vpn.contoso.com -Port 443",
  expected: "TcpTestSucceeded : True",
  options: ["Done"],
  source: "knowledge",
});
const textQuestion = step({ id: "s3", ordinal: 3, text: "Which VPN client and version?\n\nSee **About**.", options: [], allow_text: true });
const fork = step({
  id: "s4",
  type: "fork",
  source: "history",
  text: "Two explanations fit about equally. Which looks closer?",
  hypotheses: [
    { id: "a", title: "Expired certificate", why: "Seen last month" },
    { id: "b", title: "Blocked port", why: "Hotel Wi-Fi" },
  ],
});
const fixSuggestion = step({
  id: "s5",
  type: "resolution_suggestion",
  purpose: "fix",
  source: "history",
  summary: "A similar problem was fixed by clearing the portal cache.",
  fix: { title: "Clear the GlobalProtect portal cache", instructions: "Delete the cache folder.", command: "rd /s %LOCALAPPDATA%\\GP" },
  options: ["Try this fix", "Not this"],
});
const resolveNow = step({
  id: "s6",
  type: "resolution_suggestion",
  purpose: "resolve",
  summary: "The fix worked: resolve the session with this as the resolution.",
  options: ["Resolve now", "Keep working"],
});

function pilotState(overrides: Record<string, unknown> = {}) {
  return {
    session_id: SID,
    intake: { text: "GlobalProtect VPN won't connect from home, says gateway unreachable" },
    triage: { client: "", asset: "", category: "remote access / VPN", summary: "GlobalProtect VPN won't connect", hypothesis: "", evidence: "" },
    triage_edited: [],
    confidence: 0.62,
    tier: "exploring",
    matched_flow: { id: FLOW, title: "VPN won't connect", score: 0.85 },
    flow_decision: "proposed",
    pilot_step: followFlow,
    steps: [followFlow],
    facts: [],
    fixes: [],
    model: "offline",
    note: null,
    ...overrides,
  };
}

const fact = (id: string, text: string, status: string, origin = "ai") => ({
  id,
  text,
  origin,
  status,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
});
const fix = (id: string, title: string, status: string, outcome: string | null = null) => ({
  id,
  title,
  instructions: "",
  command: null,
  status,
  outcome,
  note: "",
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
});

interface Call {
  route: string;
  body: unknown;
  search?: string;
}
type Handler = (route: string, body: unknown) => Response | Promise<Response> | undefined;

function fakeServer(initial: Record<string, unknown>, handle: Handler = () => undefined) {
  const calls: Call[] = [];
  let state = initial;
  stubApi(me, async ({ input, url, route }) => {
    const text = input.method === "GET" ? "" : await input.text();
    const body: unknown = text ? JSON.parse(text) : null;
    calls.push({ route, body, search: url.search });
    const custom = await handle(route, body);
    if (custom) {
      if (custom.ok) state = follow(state, route, body, await custom.clone().json());
      return custom;
    }
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, session);
    if (route === `GET /api/v1/sessions/${SID}/pilot`) return json(200, state);
    if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
    if (route.startsWith("GET /api/v1/sessions/") && route.endsWith("/stream")) return new Response("", { status: 204 });
  });
  return {
    calls,
    posted: (suffix: string) => calls.filter((c) => c.route.endsWith(suffix) && !c.route.startsWith("GET")).map((c) => c.body),
    setState: (next: Record<string, unknown>) => {
      state = next;
    },
  };
}

/** What the real server would return next time after a change it accepted. */
function follow(state: Record<string, unknown>, route: string, body: unknown, response: Record<string, unknown>): Record<string, unknown> {
  const facts = state.facts as { id: string }[];
  const fixes = state.fixes as { id: string }[];
  if (route.endsWith("/answer")) return { ...state, pilot_step: response.pilot_step, tier: response.tier, confidence: response.confidence };
  if (route.endsWith("/pilot/triage")) return response;
  if (route.includes("/pilot/facts"))
    return { ...state, facts: facts.some((f) => f.id === response.id) ? facts.map((f) => (f.id === response.id ? response : f)) : [...facts, response] };
  if (route.includes("/pilot/fixes"))
    return { ...state, fixes: fixes.some((f) => f.id === response.id) ? fixes.map((f) => (f.id === response.id ? response : f)) : [...fixes, response] };
  void body;
  return state;
}

function renderRunner() {
  return renderApp(`/sessions/${SID}`).router;
}

/** The runner and FlowPilot's column load lazily: the first look waits a little longer. */
async function ready() {
  await screen.findByTestId("pilot-panel", {}, { timeout: 5000 });
  await screen.findByRole("region", { name: "Triage" }, { timeout: 5000 });
}

const result = (next: Step, extra: Record<string, unknown> = {}) => ({ pilot_step: next, confidence: 0.8, tier: "guided", facts: [], note: null, ...extra });

resetAppBetweenTests();

describe("FlowPilot in the runner", () => {
  it("shows the triage header with confidence, tier, engine and the matched flow, and no flow step card", async () => {
    fakeServer(pilotState());
    renderRunner();
    await ready();
    const triage = await screen.findByRole("region", { name: "Triage" });
    expect(within(triage).getByRole("meter", { name: "Confidence" })).toHaveAttribute("aria-valuenow", "62");
    expect(within(triage).getByTestId("pilot-tier")).toHaveTextContent("Exploring");
    expect(within(triage).getByTestId("pilot-model")).toHaveTextContent("Offline engine");
    expect(within(triage).getByTestId("matched-flow")).toHaveTextContent("VPN won't connect");
    expect(within(triage).getByTestId("triage-category")).toHaveTextContent("remote access / VPN");
    expect(screen.queryByRole("region", { name: "Current step" })).toBeNull();
    const card = screen.getByRole("region", { name: "FlowPilot step" });
    expect(within(card).getByTestId("pilot-source")).toHaveTextContent("Flow");
    expect(within(card).getByRole("link", { name: /VPN won't connect/ })).toHaveAttribute("href", `/flows/${FLOW}`);
  });

  it("answers a question with a number key, says Thinking… meanwhile, then shows the next step (an action)", async () => {
    const reply = deferred<Response>();
    const server = fakeServer(pilotState(), (route) => (route.endsWith("/answer") ? reply.promise : undefined));
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const card = await screen.findByRole("region", { name: "FlowPilot step" });
    await u.click(document.body);
    await u.keyboard("1");
    expect(await within(card).findByTestId("pilot-thinking")).toHaveTextContent("Thinking…");
    expect(within(card).getByRole("button", { name: /Not this one/ })).toBeDisabled();
    expect(card).toHaveAttribute("aria-busy", "true");

    server.setState(pilotState({ pilot_step: action, steps: [{ ...followFlow, status: "answered", answer: { option: "Follow this flow" } }, action], flow_decision: "accepted", confidence: 0.8, tier: "guided" }));
    reply.resolve(json(200, result(action)));
    expect(await screen.findByRole("heading", { name: "Test the gateway port" })).toBeInTheDocument();
    expect(server.posted(`/pilot/steps/s1/answer`)).toEqual([{ option: "Follow this flow", skip: false }]);
    const next = screen.getByRole("region", { name: "FlowPilot step" });
    expect(within(next).getByTestId("pilot-command")).toHaveTextContent("Test-NetConnection vpn.contoso.com -Port 443");
    expect(within(next).getByTestId("pilot-expected")).toHaveTextContent("TcpTestSucceeded : True");
    expect(within(next).getByText("Verification")).toBeInTheDocument();
    expect(within(next).getByTestId("pilot-source")).toHaveTextContent("Knowledge");
    await waitFor(() => expect(screen.getByTestId("pilot-tier")).toHaveTextContent("Guided"));
  });

  it("sends an action's result with Enter (its only option), and a free-text answer with Enter; Esc clears", async () => {
    const server = fakeServer(pilotState({ pilot_step: action, steps: [action] }), (route) =>
      route.endsWith("/s2/answer") ? json(200, result(textQuestion)) : route.endsWith("/s3/answer") ? json(200, result(fork)) : undefined,
    );
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const result1 = await screen.findByLabelText("Result");
    await u.type(result1, "TcpTestSucceeded False{Enter}");
    await waitFor(() => expect(server.posted("/s2/answer")).toEqual([{ option: "Done", text: "TcpTestSucceeded False", skip: false }]));

    const box = await screen.findByLabelText("Your answer");
    expect(screen.getByRole("heading", { name: "Which VPN client and version?" })).toBeInTheDocument();
    await u.type(box, "oops");
    await u.keyboard("{Escape}");
    expect(box).toHaveValue("");
    await u.type(box, "GlobalProtect 6.2{Enter}");
    await waitFor(() => expect(server.posted("/s3/answer")).toEqual([{ text: "GlobalProtect 6.2", skip: false }]));
    expect(await screen.findByRole("button", { name: /Blocked port/ })).toBeInTheDocument();
  });

  it("picks a fork's hypothesis by id, and skips a step", async () => {
    const server = fakeServer(pilotState({ pilot_step: fork, steps: [fork] }), (route) => (route.endsWith("/answer") ? json(200, result(textQuestion)) : undefined));
    const u = userEvent.setup();
    renderRunner();
    await ready();
    await u.click(await screen.findByRole("button", { name: /Blocked port/ }));
    await waitFor(() => expect(server.posted("/s4/answer")).toEqual([{ option: "b", skip: false }]));
    await screen.findByLabelText("Your answer");
    await u.click(screen.getByRole("button", { name: "Skip" }));
    await waitFor(() => expect(server.posted("/s3/answer")).toEqual([{ skip: true }]));
  });

  it("tries a suggested fix, and “Resolve now” opens the resolve dialog with the summary", async () => {
    const server = fakeServer(pilotState({ pilot_step: fixSuggestion, steps: [fixSuggestion] }), (route) =>
      route.endsWith("/s5/answer") ? json(200, result(resolveNow)) : undefined,
    );
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const draft = await screen.findByTestId("pilot-fix-draft");
    expect(draft).toHaveTextContent("Clear the GlobalProtect portal cache");
    await u.click(screen.getByRole("button", { name: /Try this fix/ }));
    await waitFor(() => expect(server.posted("/s5/answer")).toEqual([{ option: "Try this fix", skip: false }]));

    await u.click(await screen.findByRole("button", { name: /Resolve now/ }));
    const dialog = await screen.findByRole("dialog", { name: "End the session" });
    expect(within(dialog).getByLabelText("Summary")).toHaveValue("The fix worked: resolve the session with this as the resolution.");
    expect(server.posted("/s6/answer")).toEqual([]);
  });

  it("on 409 says the step was already answered and shows the current one", async () => {
    const server = fakeServer(pilotState(), (route) =>
      route.endsWith("/answer") ? json(409, { title: "Conflict", status: 409, detail: "This step was already answered; answer the current step." }) : undefined,
    );
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const card = await screen.findByRole("region", { name: "FlowPilot step" });
    server.setState(pilotState({ pilot_step: action, steps: [{ ...followFlow, status: "answered" }, action] }));
    await u.click(within(card).getByRole("button", { name: /Follow this flow/ }));
    expect(await screen.findByRole("heading", { name: "Test the gateway port" })).toBeInTheDocument();
    expect(server.calls.filter((c) => c.route === `GET /api/v1/sessions/${SID}/pilot`).length).toBeGreaterThanOrEqual(2);
  });

  it("shows a 409 message while the step stays, and retries other errors", async () => {
    let fail = true;
    const server = fakeServer(pilotState(), (route) => {
      if (!route.endsWith("/answer")) return undefined;
      if (fail) {
        fail = false;
        return json(503, { title: "Unavailable", status: 503, detail: "The model timed out." });
      }
      return json(200, result(action));
    });
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const card = await screen.findByRole("region", { name: "FlowPilot step" });
    await u.click(within(card).getByRole("button", { name: /Not this one/ }));
    expect(await within(card).findByRole("alert")).toHaveTextContent("Couldn't send the answer");
    await u.click(within(card).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("heading", { name: "Test the gateway port" })).toBeInTheDocument();
    expect(server.posted("/s1/answer")).toEqual([
      { option: "Not this one", skip: false },
      { option: "Not this one", skip: false },
    ]);
  });

  it("edits a triage field inline (Enter saves) and badges it edited; Esc cancels", async () => {
    const server = fakeServer(pilotState(), (route, body) =>
      route.endsWith("/pilot/triage")
        ? json(200, pilotState({ triage: { ...pilotState().triage, ...(body as object) }, triage_edited: Object.keys(body as object) }))
        : undefined,
    );
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const triage = await screen.findByRole("region", { name: "Triage" });
    await u.click(within(triage).getByRole("button", { name: "Edit Asset" }));
    await u.type(within(triage).getByLabelText("Asset"), "LT-1{Escape}");
    expect(within(triage).queryByLabelText("Asset")).toBeNull();
    expect(server.posted("/pilot/triage")).toEqual([]);

    await u.click(within(triage).getByRole("button", { name: "Edit Client" }));
    await u.type(within(triage).getByLabelText("Client"), "Contoso{Enter}");
    await waitFor(() => expect(within(triage).getByTestId("triage-client")).toHaveTextContent("Contoso"));
    expect(within(within(triage).getByTestId("triage-client")).getByText("edited")).toBeInTheDocument();
    expect(server.posted("/pilot/triage")).toEqual([{ client: "Contoso" }]);
  });

  it("confirms and deletes facts, and adds one", async () => {
    const facts = [fact("f1", "User is on hotel Wi-Fi", "proposed"), fact("f2", "Client is GlobalProtect 6.2", "confirmed")];
    const server = fakeServer(pilotState({ facts }), (route, body) => {
      const m = /pilot\/facts\/(f\d)$/.exec(route);
      if (m && route.startsWith("PATCH")) {
        const f = facts.find((x) => x.id === m[1])!;
        return json(200, { ...f, ...(body as object) });
      }
      if (route.endsWith("/pilot/facts")) return json(201, fact("f3", (body as { text: string }).text, "confirmed", "engineer"));
      return undefined;
    });
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const known = await screen.findByRole("region", { name: "What we know" });
    const rows = within(known).getAllByTestId("fact");
    expect(rows[0]).toHaveAttribute("data-status", "proposed");
    await u.click(within(rows[0]!).getByRole("button", { name: "Confirm" }));
    await waitFor(() => expect(within(known).getAllByTestId("fact")[0]).toHaveAttribute("data-status", "confirmed"));
    expect(server.posted("/pilot/facts/f1")).toEqual([{ status: "confirmed" }]);

    await u.click(within(within(known).getAllByTestId("fact")[1]!).getByRole("button", { name: "Delete" }));
    expect(await within(known).findByText("Deleted (1)")).toBeInTheDocument();
    expect(server.posted("/pilot/facts/f2")).toEqual([{ status: "deleted" }]);

    await u.type(within(known).getByLabelText("New fact"), "Home router is fine");
    await u.click(within(known).getByRole("button", { name: "Add fact" }));
    await waitFor(() => expect(server.posted("/pilot/facts")).toEqual([{ text: "Home router is fine" }]));
    expect(await within(known).findByText("Home router is fine")).toBeInTheDocument();
  });

  it("walks a fix through its lifecycle: verifying, applied with an outcome; another fix while one is active shows the 409", async () => {
    let current = fix("x1", "Clear the portal cache", "proposed");
    const server = fakeServer(pilotState({ fixes: [current] }), (route, body) => {
      if (route.startsWith("PATCH") && route.endsWith("/pilot/fixes/x1")) {
        current = { ...current, ...(body as object) };
        return json(200, current);
      }
      if (route.endsWith("/pilot/fixes"))
        return json(409, { title: "Conflict", status: 409, detail: "“Clear the portal cache” is still being tried; record its outcome or dismiss it first." });
      return undefined;
    });
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const fixes = await screen.findByRole("region", { name: "Fixes" });
    await u.click(within(fixes).getByRole("button", { name: "Start verifying" }));
    await waitFor(() => expect(within(fixes).getByTestId("active-fix")).toHaveAttribute("data-status", "verifying"));

    await u.click(within(fixes).getByRole("button", { name: "Add a fix" }));
    await u.type(within(fixes).getByLabelText("Fix title"), "Reinstall the client");
    await u.click(within(fixes).getByRole("button", { name: "Propose fix" }));
    expect(await within(fixes).findByText(/is still being tried; record its outcome/, { selector: "[role=alert]" })).toBeInTheDocument();
    await u.click(within(fixes).getByRole("button", { name: "Cancel" }));

    await u.click(within(fixes).getByRole("button", { name: "Mark applied" }));
    expect(within(fixes).getByText("Say how the fix went.")).toBeInTheDocument();
    await u.selectOptions(within(fixes).getByLabelText("Outcome"), "success");
    await u.click(within(fixes).getByRole("button", { name: "Mark applied" }));
    const history = await within(fixes).findByTestId("fix-history");
    expect(history).toHaveTextContent("Applied");
    expect(history).toHaveTextContent("Success");
    expect(server.posted("/pilot/fixes/x1")).toEqual([{ status: "verifying" }, { status: "applied", outcome: "success" }]);
  });

  it("opens the resolution package, edits the PSA note and copies the edited text", async () => {
    const pkg = deferred<Response>();
    const server = fakeServer(pilotState(), (route) => (route.endsWith("/resolution-package") ? pkg.promise : undefined));
    const u = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(window, "isSecureContext", { value: true, configurable: true });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderRunner();
    await ready();
    await u.click(await screen.findByRole("button", { name: "Resolution package" }));
    const dialog = await screen.findByRole("dialog", { name: "Resolution package" });
    expect(within(dialog).getByTestId("package-progress")).toHaveTextContent("Writing the PSA note");
    pkg.resolve(json(200, { psa_note: "Problem\nVPN", kb_article: "# VPN", client_summary: "Fixed.", model: "offline", note: "Written offline." }));
    const psa = await within(dialog).findByLabelText("PSA note");
    expect(psa).toHaveValue("Problem\nVPN");
    expect(within(dialog).getByRole("note")).toHaveTextContent("Written offline.");
    await u.type(psa, "\nCleared the cache.");
    expect(within(dialog).getByTestId("package-psa-note-count")).toHaveTextContent("30 characters");
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await u.click(within(dialog).getByRole("button", { name: "Copy PSA note" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("Problem\nVPN\nCleared the cache."));
    expect(within(dialog).getByText("Copied")).toBeInTheDocument();
    expect(server.calls.filter((c) => c.route.endsWith("/resolution-package"))).toHaveLength(1);
  });

  it("reads the kept package, asks for a new one on Regenerate, and downloads it as a PDF", async () => {
    let n = 0;
    const server = fakeServer(pilotState(), (route) => {
      if (!route.endsWith("/resolution-package")) return undefined;
      n += 1;
      return json(200, { psa_note: `Problem ${n}`, kb_article: "# VPN", client_summary: "Fixed.", model: "gpt-test", note: null });
    });
    const clicked: HTMLAnchorElement[] = [];
    Object.defineProperty(URL, "createObjectURL", { configurable: true, value: vi.fn(() => "blob:pdf") });
    Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const u = userEvent.setup();
    renderRunner();
    await ready();
    await u.click(await screen.findByRole("button", { name: "Resolution package" }));
    const dialog = await screen.findByRole("dialog", { name: "Resolution package" });
    expect(await within(dialog).findByLabelText("PSA note")).toHaveValue("Problem 1");
    await u.click(within(dialog).getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(within(dialog).getByLabelText("PSA note")).toHaveValue("Problem 2"));
    await u.click(within(dialog).getByRole("button", { name: "Download PDF" }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    const asked = server.calls.filter((c) => c.route.endsWith("/resolution-package")).map((c) => c.search);
    expect(asked).toEqual(["", "?refresh=true", "?format=pdf"]);
    expect(clicked[0]!.download).toBe("resolution-package.pdf");
    click.mockRestore();
  });

  it("asks before leaving with a typed, unsent answer", async () => {
    fakeServer(pilotState({ pilot_step: textQuestion, steps: [textQuestion] }));
    const u = userEvent.setup();
    const router = renderRunner();
    await ready();
    await u.type(await screen.findByLabelText("Your answer"), "FortiClient");
    await u.click(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Flows" }));
    const dialog = await screen.findByRole("dialog", { name: "Leave without sending?" });
    await u.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(router.state.location.pathname).toBe(`/sessions/${SID}`);
    expect(screen.getByLabelText("Your answer")).toHaveValue("FortiClient");
  });
});

describe("FlowPilot starts where the intake leaves off", () => {
  const plugged = step({
    id: "k1",
    ordinal: 2,
    status: "answered",
    text: "Is the adapter plugged into the wall?",
    options: ["Yes", "No"],
    purpose: "flow_node",
    answer: { option: "Yes", inferred: true },
    inferred: { evidence: "the adapter is plugged into the wall.", confidence: 1 },
  });
  const light = step({
    id: "k2",
    ordinal: 3,
    status: "answered",
    text: "Does the charging light come on?",
    options: ["Yes", "No"],
    purpose: "flow_node",
    answer: { option: "No", inferred: true },
    inferred: { evidence: "The charging light won't come on.", confidence: 0.8 },
  });
  const battery = step({ id: "k3", ordinal: 4, text: "Does the laptop run on battery?", options: ["Yes", "No"], purpose: "flow_node" });
  const accepted = { ...followFlow, status: "answered", answer: { option: "Follow this flow" } };
  const skippedState = pilotState({ flow_decision: "accepted", pilot_step: battery, steps: [accepted, plugged, light, battery] });

  it("says what it skipped, from which words of the intake, and with which answer", async () => {
    fakeServer(skippedState);
    renderRunner();
    await ready();
    const box = await screen.findByRole("region", { name: "Skipped from the intake" });
    expect(within(box).getByRole("heading")).toHaveTextContent("Skipped 2 questions the intake already answers");
    const items = within(box).getAllByTestId("pilot-skipped-step");
    expect(items.map((i) => i.querySelector("p")?.textContent)).toEqual([
      "You said “the adapter is plugged into the wall.”, so I skipped “Is the adapter plugged into the wall?” → Yes",
      "You said “The charging light won't come on.”, so I skipped “Does the charging light come on?” → No",
    ]);
    // The current step is the first question the intake leaves open.
    const card = screen.getByRole("region", { name: "FlowPilot step" });
    expect(within(card).getByText("Does the laptop run on battery?")).toBeInTheDocument();
  });

  it("names the later question when a skipped answer is implied by it", async () => {
    const implied = {
      ...plugged,
      inferred: { evidence: "The charging light won't come on.", confidence: 0.8, via: "Does the charging light come on?" },
    };
    fakeServer({ ...skippedState, steps: [accepted, implied, light, battery] });
    renderRunner();
    await ready();
    const box = await screen.findByRole("region", { name: "Skipped from the intake" });
    const items = within(box).getAllByTestId("pilot-skipped-step");
    expect(items.map((i) => i.querySelector("p")?.textContent)).toEqual([
      "You said “The charging light won't come on.”, which answers “Does the charging light come on?” further on, so I skipped “Is the adapter plugged into the wall?” → Yes",
      "You said “The charging light won't come on.”, so I skipped “Does the charging light come on?” → No",
    ]);
  });

  it("goes back to a skipped question with one click, and the question is asked again", async () => {
    const back = deferred<Response>();
    const server = fakeServer(skippedState, (route) => (route.endsWith("/revisit") ? back.promise : undefined));
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const box = await screen.findByRole("region", { name: "Skipped from the intake" });
    await u.click(within(box).getByRole("button", { name: "Go back to “Does the charging light come on?”" }));
    expect(server.posted(`/pilot/steps/k2/revisit`)).toEqual([{}]);
    expect(within(box).getByRole("button", { name: "Go back to “Does the charging light come on?”" })).toHaveTextContent("Going back…");
    const asked = step({ id: "k4", ordinal: 5, text: "Does the charging light come on?", options: ["Yes", "No"], purpose: "flow_node" });
    server.setState({
      ...skippedState,
      pilot_step: asked,
      steps: [accepted, plugged, { ...light, status: "undone" }, { ...battery, status: "superseded" }, asked],
    });
    back.resolve(json(200, result(asked)));
    const card = screen.getByRole("region", { name: "FlowPilot step" });
    await within(card).findByText("Does the charging light come on?");
    const left = screen.getByRole("region", { name: "Skipped from the intake" });
    expect(within(left).getAllByTestId("pilot-skipped-step")).toHaveLength(1);
    expect(within(left).getByRole("heading")).toHaveTextContent("Skipped 1 question");
  });

  it("goes back from the keyboard, and says so when the server refuses", async () => {
    const server = fakeServer(skippedState, (route) =>
      route.endsWith("/revisit")
        ? json(409, { type: "about:blank", title: "Conflict", status: 409, detail: "The flow is no longer past this step; answer the current step." })
        : undefined,
    );
    const u = userEvent.setup();
    renderRunner();
    await ready();
    const box = await screen.findByRole("region", { name: "Skipped from the intake" });
    within(box).getByRole("button", { name: "Go back to “Is the adapter plugged into the wall?”" }).focus();
    await u.keyboard("{Enter}");
    expect(server.posted(`/pilot/steps/k1/revisit`)).toEqual([{}]);
    expect(await within(box).findByRole("alert")).toHaveTextContent("Couldn't go back: The flow is no longer past this step");
  });

  it("shows the skips but offers no going back while the session is paused", async () => {
    const paused = { ...session, status: "paused" };
    fakeServer(skippedState, (route) => (route === `GET /api/v1/sessions/${SID}` ? json(200, paused) : undefined));
    renderRunner();
    await ready();
    const box = await screen.findByRole("region", { name: "Skipped from the intake" });
    expect(within(box).getAllByTestId("pilot-skipped-step")).toHaveLength(2);
    expect(within(box).queryByRole("button")).toBeNull();
  });
});
