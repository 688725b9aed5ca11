import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { queryClient } from "@/lib/query-client";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const ME = "00000000-0000-0000-0000-000000000001";
const NOTICE = "Images are sent as they are — they can't be redacted. Remove an image from the session to keep it from the model.";

const me = fakeUser();

function sessionWith(last_seq: number) {
  return fakeSession({
    title: "Printer offline",
    mode: "pilot",
    last_seq,
    timeline: [
      { id: "e1", seq: 1, type: "pilot_intake", actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload: { text: "Nobody can print" } },
      ...(last_seq > 1
        ? [{ id: "e2", seq: 2, type: "attachment", actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:01:00Z", payload: { filename: "queue.png" } }]
        : []),
    ],
  });
}

const pilotState = {
  session_id: SID,
  intake: { text: "Nobody can print" },
  triage: { client: "", asset: "", category: "printing", summary: "Nobody can print", hypothesis: "", evidence: "" },
  triage_edited: [],
  confidence: 0.4,
  tier: "exploring",
  matched_flow: null,
  flow_decision: null,
  pilot_step: null,
  steps: [],
  facts: [],
  fixes: [],
  model: "claude-haiku-4-5",
  note: null,
};

const item = (id: string, filename: string, will_send: boolean, reason: string | null, reason_text: string | null) => ({
  attachment_id: id,
  filename,
  content_type: "image/png",
  size: 1_500_000,
  url: `/api/v1/sessions/${SID}/attachments/${id}`,
  will_send,
  reason,
  reason_text,
});

resetAppBetweenTests();

describe("FlowPilot runner: images for the model", () => {
  it("lists the screenshots that go with the next step, and refreshes when one is attached", async () => {
    let seq = 1;
    const requests: string[] = [];
    stubApi(me, ({ route }) => {
      if (route === `GET /api/v1/sessions/${SID}`) return json(200, sessionWith(seq));
      if (route === `GET /api/v1/sessions/${SID}/pilot`) return json(200, pilotState);
      if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
      if (route === `GET /api/v1/sessions/${SID}/model-images`) {
        requests.push(route);
        const items = [item("a1", "intake.png", false, "already_sent", "The model has already seen this image.")];
        if (seq > 1) items.push(item("a2", "queue.png", true, null, null));
        return json(200, { provider: "anthropic", model: "claude-haiku-4-5", accepts_images: true, max_images: 3, max_image_bytes: 5242880, notice: NOTICE, items });
      }
      if (route.endsWith("/stream")) return new Response("", { status: 204 });
    });
    renderApp(`/sessions/${SID}`);
    await screen.findByTestId("pilot-panel", {}, { timeout: 5000 });
    const box = await screen.findByRole("region", { name: "Images for the model" });
    expect(await within(box).findByText("No images go with the next step.")).toBeInTheDocument();
    expect(within(box).getByTestId("model-image")).toHaveTextContent("intake.png (1.4 MB) not sent: The model has already seen this image.");
    expect(within(box).getByRole("note")).toHaveTextContent(NOTICE);

    seq = 2; // a screenshot was attached: the session's timeline moves on
    await queryClient.invalidateQueries({ queryKey: ["sessions", "detail", SID] });
    expect(await within(box).findByText("1 image goes to claude-haiku-4-5 with the next step.")).toBeInTheDocument();
    expect(within(box).getAllByTestId("model-image")[1]).toHaveTextContent("queue.png (1.4 MB) will be sent");
    expect(requests.length).toBeGreaterThanOrEqual(2);
  });
});
