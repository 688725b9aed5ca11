import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeSession, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const me = fakeUser();

// A question with a single way out, as imported third-party trees have them.
const confirmStep = {
  node_id: "q_light",
  type: "question",
  title: "Is the warning light on?",
  body: "Check the dashboard.",
  flow_id: FLOW,
  flow_title: "Engine overheats",
  answers: ["Yes"],
  items: [],
  ticked: [],
  variable: null,
  outcome: null,
};
const nextStep = { ...confirmStep, node_id: "a_stop", type: "action", title: "Stop the car and let it cool", body: "", answers: [] };

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: crypto.randomUUID(), seq, type, actor_id: me.id, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload };
}

function fakeServer(step: typeof confirmStep) {
  const posted: Record<string, unknown>[] = [];
  const session = fakeSession({ flow_id: FLOW, flow_title: "Engine overheats", flow_version: 1, current_node: step.node_id, current_step: step, last_seq: 2 });
  const timeline = [event(1, "started", { title: "Overheating", flow_title: "Engine overheats", version: 1 }), event(2, "step_shown", { node_id: step.node_id, node_type: "question", title: step.title })];
  stubApi(me, async ({ input, route }) => {
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, { ...session, timeline });
    if (route === `POST /api/v1/sessions/${SID}/events`) {
      posted.push((await input.json()) as Record<string, unknown>);
      return json(201, {
        session: { ...session, current_node: nextStep.node_id, current_step: nextStep, last_seq: 4 },
        events: [
          event(3, "answer", { node_id: step.node_id, node_type: "question", title: step.title, answer: step.answers[0] }),
          event(4, "step_shown", { node_id: nextStep.node_id, node_type: "action", title: nextStep.title }),
        ],
      });
    }
  });
  return posted;
}

resetAppBetweenTests();

describe("Session runner: a question with one answer is a confirm step", () => {
  it("shows one confirm button (no answer list) that records the only answer", async () => {
    const posted = fakeServer(confirmStep);
    const u = userEvent.setup();
    renderApp(`/sessions/${SID}`);
    const card = await screen.findByRole("region", { name: "Current step" });
    expect(within(card).queryByRole("group", { name: "Answers" })).toBeNull();
    expect(within(card).getByText(/Only one way on from here/)).toHaveTextContent("“Yes”");
    await u.click(within(card).getByRole("button", { name: "Confirm “Yes” — continue" }));
    await waitFor(() => expect(posted).toEqual([{ type: "answer", node_id: "q_light", answer: "Yes" }]));
    expect(await within(card).findByRole("heading", { name: nextStep.title })).toBeInTheDocument();
  });

  it("works from the keyboard: Enter on the focused button", async () => {
    const posted = fakeServer(confirmStep);
    const u = userEvent.setup();
    renderApp(`/sessions/${SID}`);
    const card = await screen.findByRole("region", { name: "Current step" });
    within(card).getByRole("button", { name: /Confirm/ }).focus();
    await u.keyboard("{Enter}");
    await waitFor(() => expect(posted).toEqual([{ type: "answer", node_id: "q_light", answer: "Yes" }]));
  });

  it("works from the keyboard: the answer shortcut 1", async () => {
    const posted = fakeServer(confirmStep);
    const u = userEvent.setup();
    renderApp(`/sessions/${SID}`);
    await screen.findByRole("region", { name: "Current step" });
    await u.click(document.body);
    await u.keyboard("1");
    await waitFor(() => expect(posted).toEqual([{ type: "answer", node_id: "q_light", answer: "Yes" }]));
  });

  it("says Confirm / Done when the only answer has no label", async () => {
    fakeServer({ ...confirmStep, answers: [""] });
    renderApp(`/sessions/${SID}`);
    const card = await screen.findByRole("region", { name: "Current step" });
    expect(within(card).getByRole("button", { name: "Confirm / Done — continue" })).toBeEnabled();
  });
});
