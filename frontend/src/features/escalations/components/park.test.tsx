import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";
import { parkedHandoffIdOf } from "../model/handoff";

const SID = "11111111-1111-1111-1111-111111111111";
const HID = "44444444-4444-4444-4444-444444444444";
const ME = "00000000-0000-0000-0000-000000000001";
const COLLEAGUE = "00000000-0000-0000-0000-000000000003";
const TEAM = "55555555-5555-5555-5555-555555555555";

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: `ev-${seq}`, seq, type, actor_id: ME, actor_name: "Erin Engineer", created_at: "2026-03-01T10:00:00Z", payload };
}

const started = [event(1, "started", { title: "Printer offline" })];
const parkedTimeline = [...started, event(2, "paused", {}), event(3, "parked", { handoff_id: HID, note: "Waiting on the user", target_user_id: COLLEAGUE })];

function sessionRead(timeline: ReturnType<typeof event>[], status = "active") {
  return fakeSession({ title: "Printer offline", mode: "guided", status, last_seq: timeline.length, timeline });
}

function parkedHandoff() {
  return {
    id: HID,
    handoff_id: HID,
    kind: "park",
    session_id: SID,
    problem_summary: "Printer offline",
    domain: "",
    notified_count: 1,
    step_count: 0,
    escalated_at: "2026-03-01T10:00:00Z",
    escalated_by_id: ME,
    escalated_by_name: "Erin Engineer",
    priority: "medium",
    reason: "Waiting on the user",
    tried: [],
    recent_steps: [],
    snapshot: {},
    ai_assessment: null,
    assessment_status: "ready",
    status: "unclaimed",
    claimed_by: null,
    claimed_by_name: null,
    claimed_at: null,
    target_user_id: COLLEAGUE,
    target_team_id: null,
    target_name: "Alex Admin",
    you_may_claim: "no",
    cause_correct: null,
  };
}

function fakeServer(onPark: (body: Record<string, unknown>) => Response) {
  let parked = false;
  const posted: Record<string, unknown>[] = [];
  stubApi(fakeUser({ id: ME, role: "engineer", teams: [{ id: TEAM, name: "Service Desk" }] }), async ({ input, route }) => {
    if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0 });
    if (route.endsWith("/stream")) return new Response(new ReadableStream(), { status: 200, headers: { "Content-Type": "text/event-stream" } });
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, parked ? sessionRead(parkedTimeline, "paused") : sessionRead(started));
    if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
    if (route === `GET /api/v1/sessions/${SID}/redaction-reports`) return json(200, { items: [] });
    if (route === "GET /api/v1/teams") return json(200, { items: [{ id: TEAM, name: "Service Desk", description: "", member_count: 2, created_at: "2026-01-01T00:00:00Z" }] });
    if (route === `GET /api/v1/teams/${TEAM}`) {
      return json(200, {
        id: TEAM,
        name: "Service Desk",
        description: "",
        member_count: 2,
        created_at: "2026-01-01T00:00:00Z",
        members: [
          { id: ME, name: "Erin Engineer", email: "me@example.com", role: "engineer" },
          { id: COLLEAGUE, name: "Alex Admin", email: "alex@example.com", role: "team_admin" },
        ],
      });
    }
    if (route === `POST /api/v1/sessions/${SID}/park`) {
      const body = (await input.clone().json()) as Record<string, unknown>;
      posted.push(body);
      const answer = onPark(body);
      parked = answer.status === 201;
      return answer;
    }
    if (route === `GET /api/v1/handoffs/${HID}`) return json(200, parkedHandoff());
  });
  return { posted };
}

resetAppBetweenTests();

describe("Park", () => {
  it("asks for a person or team and a note, sends them, then shows the session parked", async () => {
    const { posted } = fakeServer(() => json(201, parkedHandoff()));
    const { u } = renderApp(`/sessions/${SID}`);
    await u.click(await screen.findByRole("button", { name: "Park…" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Park session" });
    await u.click(within(dialog).getByRole("button", { name: "Park" }));
    expect(within(dialog).getByText("Choose a person or a team to hand it to.")).toBeInTheDocument();
    expect(within(dialog).getByText(/Leave a short note/)).toBeInTheDocument();
    expect(posted).toEqual([]);

    const select = within(dialog).getByLabelText("Hand to");
    await waitFor(() => expect(within(select).getByRole("option", { name: "Alex Admin" })).toBeInTheDocument());
    await u.selectOptions(select, "Alex Admin");
    await u.type(within(dialog).getByLabelText("Note"), "Waiting on the user");
    await u.click(within(dialog).getByRole("button", { name: "Park" }));
    expect(await within(dialog).findByText("Parked with Alex Admin")).toBeInTheDocument();
    expect(posted).toEqual([{ note: "Waiting on the user", target_user_id: COLLEAGUE }]);
    await u.click(within(dialog).getByRole("button", { name: "Done" }));

    expect(await screen.findByTestId("parked-banner")).toHaveTextContent("Parked with Alex Admin — waiting for pickup");
    expect(screen.queryByRole("button", { name: "Park…" })).toBeNull();
  });

  it("shows the server's refusal under the field it names", async () => {
    fakeServer(() =>
      json(422, {
        type: "about:blank",
        title: "Validation failed",
        status: 422,
        detail: "No such team in this account.",
        errors: [{ loc: ["body", "target_team_id"], msg: "not found", type: "value_error" }],
      }),
    );
    const { u } = renderApp(`/sessions/${SID}`);
    await u.click(await screen.findByRole("button", { name: "Park…" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Park session" });
    const select = within(dialog).getByLabelText("Hand to");
    await waitFor(() => expect(within(select).getByRole("option", { name: "Service Desk" })).toBeInTheDocument());
    await u.selectOptions(select, "Service Desk");
    await u.type(within(dialog).getByLabelText("Note"), "Night shift");
    await u.click(within(dialog).getByRole("button", { name: "Park" }));
    expect(await within(dialog).findByText("not found")).toBeInTheDocument();
  });
});

describe("parkedHandoffIdOf", () => {
  it("is the open park, gone once resumed or claimed", () => {
    expect(parkedHandoffIdOf(parkedTimeline)).toBe(HID);
    expect(parkedHandoffIdOf([...parkedTimeline, event(4, "resumed", {})])).toBeNull();
    expect(parkedHandoffIdOf([...parkedTimeline, event(4, "claimed", {})])).toBeNull();
    expect(parkedHandoffIdOf(started)).toBeNull();
  });
});

describe("Parked handoff's context", () => {
  it("says it was parked and shows no AI assessment", async () => {
    fakeServer(() => json(201, parkedHandoff()));
    renderApp(`/handoffs/${HID}`);
    expect(await screen.findByTestId("handoff-parked", {}, { timeout: 5000 })).toHaveTextContent("Parked, not escalated");
    expect(screen.queryByTestId("handoff-assessment")).toBeNull();
  });
});
