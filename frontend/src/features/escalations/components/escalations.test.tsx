import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deferred, fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";
import { escalatedText } from "./escalate-dialog";

const SID = "11111111-1111-1111-1111-111111111111";
const HID = "44444444-4444-4444-4444-444444444444";
const ME = "00000000-0000-0000-0000-000000000001";
const JUNIOR = "00000000-0000-0000-0000-000000000002";
const SENIOR = "00000000-0000-0000-0000-000000000003";
const TEAM = "55555555-5555-5555-5555-555555555555";

const me = (role = "engineer") => fakeUser({ email: "me@example.com", role, teams: [{ id: TEAM, name: "Service Desk" }] });

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: `ev-${seq}`, seq, type, actor_id: ME, actor_name: "Erin Engineer", created_at: "2026-03-01T10:00:00Z", payload };
}

const started = [event(1, "started", { title: "Printer offline" }), event(2, "note", { text: "Restarted the spooler" })];
const escalatedTimeline = [...started, event(3, "escalated", { handoff_id: HID, reason: "Out of ideas", priority: "high" })];

function sessionRead(timeline: ReturnType<typeof event>[], overrides: Record<string, unknown> = {}) {
  return fakeSession({ title: "Printer offline", mode: "guided", last_seq: timeline.length ? timeline[timeline.length - 1]!.seq : 0, timeline, ...overrides });
}

const assessment = {
  summary: "Printer offline after a driver update — 3 steps so far.",
  what_we_know: ["Spooler restarted", "Other users print fine"],
  likely_cause: "The v4 driver update broke the queue",
  suggested_steps: ["Roll back the printer driver", "Clear the print queue — `net stop spooler`"],
  confidence: 0.62,
  confidence_label: "medium",
  model: "offline",
  reason: "no model is configured",
};

function handoff(overrides: Record<string, unknown> = {}) {
  return {
    id: HID,
    session_id: SID,
    problem_summary: "Printer offline",
    domain: "Printing",
    notified_count: 1,
    step_count: 12,
    escalated_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    escalated_by_id: JUNIOR,
    escalated_by_name: "Jo Junior",
    priority: "high",
    reason: "Out of ideas, user blocked",
    tried: ["Restarted the spooler", "Reinstalled the driver"],
    recent_steps: ["Is the printer on?: Yes", "Ping the printer: replies"],
    snapshot: { note_count: 2, time_spent_seconds: 900, ticket_id: "T-1", flow_title: null, unverified_fix: null, variables: {} },
    ai_assessment: assessment,
    assessment_status: "ready",
    status: "unclaimed",
    claimed_by: null,
    claimed_by_name: null,
    claimed_at: null,
    target_user_id: null,
    target_team_id: null,
    target_name: null,
    you_may_claim: "yes",
    cause_correct: null,
    ...overrides,
  };
}

interface Options {
  role?: string;
  session?: () => ReturnType<typeof sessionRead>;
  handoff?: () => Response;
  onEscalate?: (body: Record<string, unknown>) => Promise<Response> | Response;
  onClaim?: () => Promise<Response> | Response;
  onOutcome?: (body: Record<string, unknown>) => Response;
}

function fakeServer(options: Options = {}) {
  const calls: { route: string; body: unknown }[] = [];
  stubApi(me(options.role), async ({ input, route }) => {
    const body = input.method === "POST" ? await input.clone().json().catch(() => null) : null;
    calls.push({ route, body });
    if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0 });
    if (route === "GET /api/v1/notifications/stream" || route === `GET /api/v1/sessions/${SID}/stream`) {
      return new Response(new ReadableStream(), { status: 200, headers: { "Content-Type": "text/event-stream" } });
    }
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, (options.session ?? (() => sessionRead(started)))());
    if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
    if (route === `GET /api/v1/sessions/${SID}/redaction-reports`) return json(200, { items: [] });
    if (route === "GET /api/v1/teams") return json(200, { items: [{ id: TEAM, name: "Service Desk", description: "", member_count: 2, created_at: "2026-01-01T00:00:00Z" }] });
    if (route === `GET /api/v1/teams/${TEAM}`) {
      return json(200, {
        id: TEAM,
        name: "Service Desk",
        description: "",
        member_count: 3,
        created_at: "2026-01-01T00:00:00Z",
        members: [
          { id: ME, name: "Erin Engineer", email: "me@example.com", role: "engineer" },
          { id: SENIOR, name: "Alex Admin", email: "alex@example.com", role: "team_admin" },
          { id: "v", name: "Vic Viewer", email: "vic@example.com", role: "viewer" },
        ],
      });
    }
    if (route === `POST /api/v1/sessions/${SID}/escalate`) return options.onEscalate ? options.onEscalate(body as Record<string, unknown>) : json(500, {});
    if (route === `GET /api/v1/handoffs/${HID}`) return options.handoff ? options.handoff() : json(200, handoff());
    if (route === `POST /api/v1/handoffs/${HID}/claim`) return options.onClaim ? options.onClaim() : json(500, {});
    if (route === `POST /api/v1/handoffs/${HID}/outcome`) return options.onOutcome ? options.onOutcome(body as Record<string, unknown>) : json(500, {});
    if (route === "GET /api/v1/handoffs") return json(200, { items: [handoff()] });
  });
  return { calls };
}

function renderAt(path: string) {
  return renderApp(path);
}

resetAppBetweenTests();
afterEach(() => vi.useRealTimers());

describe("Escalate dialog", () => {
  it("sends reason, priority and person, shows 'Writing the briefing…' while it waits, then who was told", async () => {
    const answer = deferred<Response>();
    let escalated = false;
    const { calls } = fakeServer({
      session: () => (escalated ? sessionRead(escalatedTimeline, { status: "escalated" }) : sessionRead(started)),
      onEscalate: () => answer.promise,
    });
    const { u } = renderAt(`/sessions/${SID}`);
    await u.click(await screen.findByRole("button", { name: "Escalate…" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Escalate session" });
    expect(within(dialog).getByRole("radio", { name: "Medium" })).toBeChecked();

    await u.type(within(dialog).getByLabelText("Reason"), "Out of ideas, user blocked");
    await u.click(within(dialog).getByRole("radio", { name: "High" }));
    const select = within(dialog).getByLabelText("Send to");
    // Teammates who can pick it up (not me, not viewers), and the team queues.
    await waitFor(() => expect(within(select).getByRole("option", { name: "Alex Admin" })).toBeInTheDocument());
    expect(within(select).queryByRole("option", { name: "Vic Viewer" })).toBeNull();
    expect(within(select).queryByRole("option", { name: "Erin Engineer" })).toBeNull();
    await u.selectOptions(select, "Alex Admin");
    await u.click(within(dialog).getByRole("button", { name: "Escalate" }));

    expect(await within(dialog).findByText("Writing the briefing…")).toBeInTheDocument();
    expect(calls.find((c) => c.route === `POST /api/v1/sessions/${SID}/escalate`)!.body).toEqual({
      reason: "Out of ideas, user blocked",
      priority: "high",
      target_user_id: SENIOR,
    });
    // Escape does nothing while it is being written.
    await u.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Escalate session" })).toBeInTheDocument();

    escalated = true;
    answer.resolve(json(201, handoff({ target_user_id: SENIOR })));
    expect(await within(dialog).findByText("Escalated — Alex Admin was notified")).toBeInTheDocument();
    expect(within(dialog).getByTestId("escalate-assessment-status")).toHaveTextContent("The AI briefing is ready.");
    await u.click(within(dialog).getByRole("button", { name: "Done" }));

    // The session now waits for pickup; Escalate is gone, Context is there.
    expect(await screen.findByTestId("escalated-banner")).toHaveTextContent("Escalated — waiting for pickup");
    expect(screen.queryByRole("button", { name: "Escalate…" })).toBeNull();
    expect(screen.getByRole("button", { name: "Context" })).toBeInTheDocument();
  });

  it("sends a team as the target", async () => {
    const { calls } = fakeServer({ onEscalate: () => json(201, handoff({ target_team_id: TEAM })) });
    const { u } = renderAt(`/sessions/${SID}`);
    await u.click(await screen.findByRole("button", { name: "Escalate…" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Escalate session" });
    await u.type(within(dialog).getByLabelText("Reason"), "Need the network team");
    const select = within(dialog).getByLabelText("Send to");
    await waitFor(() => expect(within(select).getByRole("option", { name: "Service Desk" })).toBeInTheDocument());
    await u.selectOptions(select, "Service Desk");
    await u.click(within(dialog).getByRole("button", { name: "Escalate" }));
    expect(await within(dialog).findByText("Escalated — Service Desk was notified")).toBeInTheDocument();
    expect(calls.find((c) => c.route.endsWith("/escalate"))!.body).toEqual({ reason: "Need the network team", priority: "medium", target_team_id: TEAM });
  });

  it("says how many were told when it went to several people", () => {
    expect(escalatedText(3, "Service Desk")).toBe("3 people were notified (Service Desk)");
    expect(escalatedText(0, undefined)).toMatch(/^nobody could be notified/);
  });

  it("asks for a reason first, shows a field error under its field and a 409 at the top", async () => {
    let reply = json(422, { title: "Validation failed", status: 422, detail: "Validation failed", errors: [{ loc: ["body", "reason"], msg: "Too vague" }] });
    const { calls } = fakeServer({ onEscalate: () => reply });
    const { u } = renderAt(`/sessions/${SID}`);
    await u.click(await screen.findByRole("button", { name: "Escalate…" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Escalate session" });
    await u.click(within(dialog).getByRole("button", { name: "Escalate" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Say why you're escalating");
    expect(calls.some((c) => c.route.endsWith("/escalate"))).toBe(false);

    await u.type(within(dialog).getByLabelText("Reason"), "abc");
    await u.click(within(dialog).getByRole("button", { name: "Escalate" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Reason")).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText("Too vague")).toBeInTheDocument();

    reply = json(409, { title: "Conflict", status: 409, detail: "This session is already escalated and waiting for pickup." });
    await u.click(within(dialog).getByRole("button", { name: "Escalate" }));
    expect(await within(dialog).findByText("This session is already escalated and waiting for pickup.")).toBeInTheDocument();
  });

  it("is not offered on an ended session or to a viewer", async () => {
    fakeServer({ session: () => sessionRead(started, { status: "resolved", ended_at: "2026-03-01T11:00:00Z" }) });
    renderAt(`/sessions/${SID}`);
    await screen.findByRole("timer", {}, { timeout: 5000 });
    expect(screen.queryByRole("button", { name: "Escalate…" })).toBeNull();
  });
});

describe("Handoff context screen", () => {
  it("offers no 'Start here' on a handoff meant for someone else, and says who it is for", async () => {
    fakeServer({
      handoff: () => json(200, handoff({ target_user_id: SENIOR, target_name: "Sam Senior", you_may_claim: "not_theirs" })),
    });
    renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    expect(within(dialog).getByTestId("meant-for-other")).toHaveTextContent("meant for Sam Senior; only they or a team admin");
    expect(within(dialog).queryByRole("button", { name: /Start here/ })).toBeNull();
    expect(within(dialog).getByRole("link", { name: "Open the session" })).toBeInTheDocument();
  });

  it("lets a team admin step in on someone else's handoff, saying it is audited", async () => {
    fakeServer({
      role: "team_admin",
      handoff: () => json(200, handoff({ target_user_id: SENIOR, target_name: "Sam Senior", you_may_claim: "as_admin" })),
    });
    renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    expect(within(dialog).getByText(/meant for Sam Senior; as a team admin you can step in/)).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Step in and start here" })).toHaveFocus();
  });

  it("shows the four sections before the session, focuses 'Start here', and Escape doesn't close it", async () => {
    fakeServer({ role: "team_admin" });
    const { u, router } = renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    expect(within(dialog).getByRole("heading", { name: "Printer offline" })).toBeInTheDocument();
    expect(within(dialog).getByTestId("handoff-domain")).toHaveTextContent("Printing");
    expect(within(dialog).getByTestId("handoff-step-count")).toHaveTextContent("12");
    expect(within(dialog).getByTestId("handoff-since")).toHaveTextContent("5 min ago by Jo Junior");
    expect(within(dialog).getByTestId("priority-badge")).toHaveTextContent("High");

    const tried = within(dialog).getByRole("region", { name: "What's been tried" });
    expect(within(tried).getByTestId("handoff-tried-count")).toHaveTextContent("2 notes · 12 steps");
    expect(within(within(tried).getByRole("list", { name: "Notes" })).getAllByRole("listitem")).toHaveLength(2);
    expect(within(tried).getByText("Recent steps (last 2 of 12)")).toBeInTheDocument();

    const ai = within(dialog).getByRole("region", { name: "AI assessment" });
    expect(within(ai).getByTestId("assessment-likely-cause")).toHaveTextContent("The v4 driver update broke the queue");
    expect(within(within(ai).getByRole("list", { name: "Suggested steps" })).getAllByRole("listitem")).toHaveLength(2);
    expect(within(ai).getByTestId("assessment-confidence")).toHaveTextContent("Confidence: medium (0.62)");

    const start = within(dialog).getByRole("button", { name: "Start here" });
    expect(start).toHaveFocus();
    // Before claiming, "Start here" is the only way out.
    expect(within(dialog).getAllByRole("button")).toHaveLength(1);
    expect(within(dialog).queryByRole("link")).toBeNull();
    await u.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Handoff context" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/handoffs/${HID}`);
  });

  it("says 'Writing the assessment…' while pending and updates when it lands", async () => {
    let status = "pending";
    fakeServer({
      role: "team_admin",
      handoff: () => json(200, handoff(status === "pending" ? { ai_assessment: null, assessment_status: "pending" } : {})),
    });
    renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    const ai = within(dialog).getByRole("region", { name: "AI assessment" });
    expect(ai).toHaveAttribute("aria-busy", "true");
    expect(within(ai).getByText("Writing the assessment…")).toBeInTheDocument();
    status = "ready";
    // Polled every 2 s while pending.
    expect(await within(ai).findByTestId("assessment-likely-cause", {}, { timeout: 5000 })).toHaveTextContent("The v4 driver update broke the queue");
    expect(ai).not.toHaveAttribute("aria-busy");
  });

  it("shows 'Assessment unavailable' when it failed", async () => {
    fakeServer({ role: "team_admin", handoff: () => json(200, handoff({ ai_assessment: null, assessment_status: "failed" })) });
    renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    expect(within(dialog).getByTestId("assessment-unavailable")).toHaveTextContent("Assessment unavailable");
    expect(within(dialog).getByTestId("handoff-assessment")).toHaveAttribute("data-status", "failed");
  });

  it("'Start here' claims it and goes to the session", async () => {
    let claimed = false;
    const { calls } = fakeServer({
      role: "team_admin",
      handoff: () => json(200, handoff(claimed ? { status: "claimed", claimed_by: ME, claimed_by_name: "Erin Engineer", claimed_at: new Date().toISOString() } : {})),
      onClaim: () => {
        claimed = true;
        return json(200, handoff({ status: "claimed", claimed_by: ME, claimed_by_name: "Erin Engineer", claimed_at: new Date().toISOString() }));
      },
      session: () => sessionRead(claimed ? [...escalatedTimeline, event(4, "claimed", { handoff_id: HID, claimed_by: "Erin Engineer" })] : escalatedTimeline),
    });
    const { u, router } = renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    await u.click(within(dialog).getByRole("button", { name: "Start here" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SID}`));
    expect(calls.filter((c) => c.route === `POST /api/v1/handoffs/${HID}/claim`)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Handoff context" })).toBeNull());
    expect(await screen.findByRole("heading", { name: "Printer offline", level: 1 })).toBeInTheDocument();
  });

  it("goes at once with prefers-reduced-motion", async () => {
    vi.stubGlobal("matchMedia", (q: string) => ({ matches: q.includes("reduce"), media: q, addEventListener() {}, removeEventListener() {} }));
    fakeServer({
      role: "team_admin",
      onClaim: () => json(200, handoff({ status: "claimed", claimed_by: ME, claimed_by_name: "Erin Engineer", claimed_at: new Date().toISOString() })),
    });
    const { u, router } = renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    await u.click(within(dialog).getByRole("button", { name: "Start here" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SID}`));
  });

  it("a 409 says who has it and since when, with a way back to the queue", async () => {
    fakeServer({
      role: "team_admin",
      onClaim: () =>
        json(409, {
          title: "Conflict",
          status: 409,
          detail: "Sam Senior has already claimed this since 2026-03-01T10:05:00+00:00.",
          claimed_by: SENIOR,
          claimed_by_name: "Sam Senior",
          claimed_at: "2026-03-01T10:05:00+00:00",
        }),
    });
    const { u, router } = renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    await u.click(within(dialog).getByRole("button", { name: "Start here" }));
    const alert = await within(dialog).findByTestId("claimed-by-other");
    expect(alert).toHaveTextContent("Sam Senior has already picked this up — since");
    await u.click(within(dialog).getByRole("link", { name: "Back to escalations" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/handoffs"));
  });

  it("already mine: 'Continue' goes straight to the session", async () => {
    fakeServer({ role: "team_admin", handoff: () => json(200, handoff({ status: "claimed", claimed_by: ME, claimed_by_name: "Erin Engineer", claimed_at: new Date().toISOString() })) });
    const { u, router } = renderAt(`/handoffs/${HID}`);
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" }, { timeout: 5000 });
    const go = within(dialog).getByRole("button", { name: "Continue" });
    expect(go).toHaveFocus();
    await u.click(go);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SID}`));
  });

  it("re-opened from 'Context' in the runner it is a dismissible overlay (Escape closes)", async () => {
    fakeServer({ role: "team_admin", session: () => sessionRead(escalatedTimeline, { status: "escalated", owner_id: JUNIOR, owner_name: "Jo Junior" }) });
    const { u } = renderAt(`/sessions/${SID}`);
    await u.click(await screen.findByRole("button", { name: "Context" }, { timeout: 5000 }));
    const dialog = await screen.findByRole("dialog", { name: "Handoff context" });
    expect(within(dialog).getByRole("region", { name: "AI assessment" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Start here" })).toHaveFocus();
    await u.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Handoff context" })).toBeNull());
    expect(screen.getByRole("button", { name: "Context" })).toHaveFocus();
  });
});

describe("Copilot chips", () => {
  it("shows the briefing's suggested steps under the copilot input; a click prefills it", async () => {
    const claimedTimeline = [...escalatedTimeline, event(4, "claimed", { handoff_id: HID, claimed_by: "Erin Engineer" })];
    fakeServer({
      session: () => sessionRead(claimedTimeline),
      handoff: () => json(200, handoff({ status: "claimed", claimed_by: ME, claimed_by_name: "Erin Engineer", claimed_at: new Date().toISOString() })),
    });
    const { u } = renderAt(`/sessions/${SID}`);
    await u.click(await screen.findByRole("tab", { name: "Copilot" }, { timeout: 5000 }));
    const panel = screen.getByRole("tabpanel", { name: "Copilot" });
    const chips = await within(panel).findAllByTestId("copilot-chip");
    expect(chips.map((c) => c.textContent)).toEqual(assessment.suggested_steps);
    await u.click(chips[1]!);
    const box = within(panel).getByLabelText("Ask the copilot");
    expect(box).toHaveValue("Clear the print queue — `net stop spooler`");
    expect(box).toHaveFocus();
  });
});

describe("Outcome card", () => {
  it("asks the claimer once the session is resolved and posts the answer", async () => {
    const claimedTimeline = [...escalatedTimeline, event(4, "claimed", { handoff_id: HID, claimed_by: "Erin Engineer" }), event(5, "resolved", { summary: "Rolled back" })];
    const mine = { status: "claimed", claimed_by: ME, claimed_by_name: "Erin Engineer", claimed_at: "2026-03-01T10:05:00Z" };
    const { calls } = fakeServer({
      session: () => sessionRead(claimedTimeline, { status: "resolved", ended_at: "2026-03-01T11:00:00Z", summary: "Rolled back" }),
      handoff: () => json(200, handoff(mine)),
      onOutcome: (body) => json(200, handoff({ ...mine, cause_correct: body.cause_correct })),
    });
    const { u } = renderAt(`/sessions/${SID}`);
    const card = await screen.findByRole("region", { name: "Was the likely cause right?" }, { timeout: 5000 });
    expect(card).toHaveTextContent("The v4 driver update broke the queue");
    await u.click(within(card).getByRole("button", { name: "Yes" }));
    expect(await within(card).findByText(/you said the AI's likely cause was right/)).toBeInTheDocument();
    expect(calls.find((c) => c.route.endsWith("/outcome"))!.body).toEqual({ cause_correct: true });
  });
});
