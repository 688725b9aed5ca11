import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, fakeSession, fakeUser, json, markdown, ME_ID, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";

const step = (ticked: number[]) => ({
  node_id: "c_pre",
  type: "checklist",
  title: "Pre-checks",
  body: "",
  flow_id: FLOW,
  flow_title: "Monthly server patching",
  answers: [""],
  items: ["Backup OK", "Snapshot taken"],
  ticked,
  variable: null,
  outcome: null,
});

const ev = (seq: number, type: string, payload: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  seq,
  type,
  actor_id: ME_ID,
  actor_name: "Erin Engineer",
  created_at: "2026-03-01T10:00:00Z",
  payload,
});

const read = (ticked: number[], lastSeq: number) => ({
  ...fakeSession({ flow_id: FLOW, flow_title: "Monthly server patching", flow_version: 1, current_node: "c_pre", current_step: step(ticked), last_seq: lastSeq }),
  timeline: [ev(1, "started", {}), ev(2, "step_shown", { node_id: "c_pre" })],
});

resetAppBetweenTests();

describe("Runner: ticking a checklist quickly", () => {
  it("clears every tick's spinner when two are in flight at once, so Continue works", async () => {
    const first = deferred<void>();
    const ticked: number[] = [];
    stubApi(fakeUser(), async ({ input, route }) => {
      if (route === `GET /api/v1/sessions/${SID}`) return json(200, read([], 2));
      if (route.endsWith("/documentation")) return markdown("# note");
      if (route === `POST /api/v1/sessions/${SID}/events`) {
        const body = (await input.json()) as { item: number };
        // The first tick's answer arrives after the second was sent.
        if (body.item === 0) await first.promise;
        ticked.push(body.item);
        const seq = 2 + ticked.length;
        return json(200, { session: read([...ticked], seq), events: [ev(seq, "check", body)] });
      }
    });
    const { u } = renderApp(`/sessions/${SID}`);
    const card = await screen.findByRole("region", { name: "Current step" });
    await u.click(within(card).getByLabelText("Backup OK"));
    await u.click(within(card).getByLabelText("Snapshot taken"));
    await waitFor(() => expect(ticked).toEqual([1]));
    first.resolve();
    await waitFor(() => expect(ticked).toEqual([1, 0]));
    await waitFor(() => expect(within(card).queryByText("Saving")).toBeNull());
    expect(within(card).getByRole("button", { name: "Continue" })).toBeEnabled();
  });
});
