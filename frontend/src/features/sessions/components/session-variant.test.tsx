import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSession, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const EXP = "33333333-3333-3333-3333-333333333333";

resetAppBetweenTests();

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: crypto.randomUUID(), seq, type, actor_id: null, actor_name: null, created_at: "2026-03-01T10:00:00Z", payload };
}

function serve(overrides: Record<string, unknown>, timeline: unknown[]) {
  stubApi(fakeUser(), ({ route }) => {
    if (route === `GET /api/v1/sessions/${SID}`) {
      return json(200, {
        ...fakeSession({ flow_id: FLOW, flow_title: "Printer offline", flow_version: 2, last_seq: timeline.length, ...overrides }),
        timeline,
      });
    }
    return undefined;
  });
}

describe("A session of a flow under an A/B test", () => {
  it("shows its variant in the header and the assignment on the timeline", async () => {
    serve({ experiment_id: EXP, variant: "b" }, [
      event(1, "started", { title: "Sam can't connect", flow_title: "Printer offline", version: 2 }),
      event(2, "experiment_assigned", { experiment_id: EXP, flow_id: FLOW, variant: "b", version: 2 }),
    ]);
    renderApp(`/sessions/${SID}`);
    expect(await screen.findByTestId("session-variant")).toHaveTextContent("Variant B");
    const entry = document.querySelector('[data-event-type="experiment_assigned"]') as HTMLElement;
    expect(entry).not.toBeNull();
    expect(within(entry).getByText("A/B test")).toBeInTheDocument();
    expect(entry).toHaveTextContent("Variant B (v2) of the flow's A/B test");
  });

  it("shows no variant for a session outside any test", async () => {
    serve({ experiment_id: null, variant: null }, [event(1, "started", { title: "Sam can't connect", flow_title: "Printer offline", version: 2 })]);
    renderApp(`/sessions/${SID}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Sam can't connect" })).toBeInTheDocument();
    expect(screen.queryByTestId("session-variant")).toBeNull();
  });
});
