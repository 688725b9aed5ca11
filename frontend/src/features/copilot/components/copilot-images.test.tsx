import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const NOTICE = "Images are sent as they are — they can't be redacted. Remove an image from the session to keep it from the model.";

function image(id: string, filename: string, will_send: boolean, reason: string | null = null, reason_text: string | null = null) {
  return { attachment_id: id, filename, content_type: "image/png", size: 2048, url: `/api/v1/sessions/${SID}/attachments/${id}`, will_send, reason, reason_text };
}

function listing(items: ReturnType<typeof image>[], extra: Record<string, unknown> = {}) {
  return { provider: "anthropic", model: "claude-haiku-4-5", accepts_images: true, max_images: 3, max_image_bytes: 5242880, notice: NOTICE, items, ...extra };
}

function serve(modelImages: () => Response, status = "active", role = "engineer", onDelete?: (route: string) => Response) {
  const calls: string[] = [];
  stubApi(fakeUser({ role }), ({ route }) => {
    calls.push(route);
    if (route.startsWith("DELETE ") && onDelete) return onDelete(route);
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, fakeSession({ status, last_seq: 0, timeline: [] }));
    if (route === `GET /api/v1/sessions/${SID}/model-images`) return modelImages();
    if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
    if (route === `GET /api/v1/sessions/${SID}/redaction-reports`) return json(200, { items: [] });
    if (route === `GET /api/v1/sessions/${SID}/stream`) return new Response(new ReadableStream(), { status: 200, headers: { "Content-Type": "text/event-stream" } });
  });
  return calls;
}

async function openCopilot() {
  const { u } = renderApp(`/sessions/${SID}`);
  await u.click(await screen.findByRole("tab", { name: "Copilot" }, { timeout: 5000 }));
  return { u, panel: screen.getByRole("tabpanel", { name: "Copilot" }) };
}

resetAppBetweenTests();

describe("Copilot panel: images for the model", () => {
  it("lists what goes with the next question and what doesn't, with the reason and the can't-be-redacted notice", async () => {
    serve(() =>
      json(
        200,
        listing([
          image("a1", "error-dialog.png", true),
          image("a2", "earlier.png", false, "already_sent", "The model has already seen this image."),
          image("a3", "huge.png", false, "too_large", "Larger than 5 MiB."),
        ]),
      ),
    );
    const { panel } = await openCopilot();
    const box = await within(panel).findByRole("region", { name: "Images for the model" });
    expect(await within(box).findByText("1 image goes to claude-haiku-4-5 with the next question.")).toBeInTheDocument();
    const rows = within(box).getAllByTestId("model-image");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("error-dialog.png");
    expect(rows[0]).toHaveTextContent("will be sent");
    expect(rows[1]).toHaveTextContent("not sent: The model has already seen this image.");
    expect(rows[2]).toHaveTextContent("not sent: Larger than 5 MiB.");
    expect(within(box).getByRole("note")).toHaveTextContent(NOTICE);
  });

  it("says when the model takes no images", async () => {
    serve(() =>
      json(
        200,
        listing([image("a1", "shot.png", false, "text_only_model", "The configured model does not accept images.")], {
          model: "claude-2.1",
          accepts_images: false,
        }),
      ),
    );
    const { panel } = await openCopilot();
    const box = await within(panel).findByRole("region", { name: "Images for the model" });
    expect(await within(box).findByText("No images go with the next question (claude-2.1 doesn't accept images).")).toBeInTheDocument();
    expect(within(box).getByTestId("model-image")).toHaveTextContent("not sent: The configured model does not accept images.");
  });

  it("shows an empty state without images, and no notice", async () => {
    serve(() => json(200, listing([])));
    const { panel } = await openCopilot();
    expect(await within(panel).findByTestId("model-images-empty", {}, { timeout: 5000 })).toHaveTextContent(
      "No screenshots are attached to this session, so none go with the next question.",
    );
    expect(within(panel).queryByRole("note")).toBeNull();
  });

  it("shows a failure a person can retry", async () => {
    let fail = true;
    const calls = serve(() => (fail ? json(500, { title: "Server error", detail: "boom" }) : json(200, listing([image("a1", "shot.png", true)]))));
    const { u, panel } = await openCopilot();
    const retry = await within(panel).findByRole("button", { name: "Check again" }, { timeout: 5000 });
    expect(within(panel).getByText(/Couldn't check which images go to the model/)).toBeInTheDocument();
    fail = false;
    await u.click(retry);
    expect(await within(panel).findByText("1 image goes to claude-haiku-4-5 with the next question.")).toBeInTheDocument();
    expect(calls.filter((c) => c.endsWith("/model-images")).length).toBeGreaterThanOrEqual(2);
  });

  it("isn't shown once the session has ended", async () => {
    const calls = serve(() => json(200, listing([image("a1", "shot.png", true)])), "resolved");
    const { panel } = await openCopilot();
    expect(await within(panel).findByText(/the copilot helps while a session is open/)).toBeInTheDocument();
    expect(within(panel).queryByRole("region", { name: "Images for the model" })).toBeNull();
    expect(calls.some((c) => c.endsWith("/model-images"))).toBe(false);
  });

  it("removes an image from the session after asking, and lists what is left", async () => {
    let items = [image("a1", "keep.png", true), image("a2", "password.png", true)];
    const deleted: string[] = [];
    serve(
      () => json(200, listing(items)),
      "active",
      "engineer",
      (route) => {
        deleted.push(route);
        items = items.filter((i) => !route.endsWith(`/${i.attachment_id}`));
        return new Response(null, { status: 204 });
      },
    );
    const { u, panel } = await openCopilot();
    const box = await within(panel).findByRole("region", { name: "Images for the model" });
    await u.click(await within(box).findByRole("button", { name: "Remove password.png from the session" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove this image from the session?" });
    expect(dialog).toHaveTextContent("“password.png” is deleted");
    expect(deleted).toEqual([]);
    await u.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect(deleted).toEqual([`DELETE /api/v1/sessions/${SID}/attachments/a2`]);
    await waitFor(() => expect(within(box).getAllByTestId("model-image")).toHaveLength(1));
    expect(within(box).getByTestId("model-image")).toHaveTextContent("keep.png");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("offers no Remove to someone who can't work the session", async () => {
    serve(() => json(200, listing([image("a1", "shot.png", true)])), "active", "viewer");
    const { panel } = await openCopilot();
    const box = await within(panel).findByRole("region", { name: "Images for the model" });
    expect(await within(box).findByText("shot.png")).toBeInTheDocument();
    expect(within(box).queryByRole("button", { name: /Remove/ })).toBeNull();
  });

  it("sends seen images again only when asked, and previews that", async () => {
    const asked: unknown[] = [];
    const previews: string[] = [];
    stubApi(fakeUser(), async ({ route, url, input }) => {
      if (route === `GET /api/v1/sessions/${SID}`) return json(200, fakeSession({ last_seq: 0, timeline: [] }));
      if (route === `GET /api/v1/sessions/${SID}/model-images`) {
        previews.push(url.search);
        const again = url.search.includes("resend_images=true");
        return json(200, listing([again ? image("a1", "shot.png", true) : image("a1", "shot.png", false, "already_sent", "The model has already seen this image.")]));
      }
      if (route === `POST /api/v1/sessions/${SID}/copilot/messages`) {
        asked.push(await input.clone().json());
        return json(409, { title: "Conflict", status: 409, detail: "stop here" });
      }
      if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
      if (route === `GET /api/v1/sessions/${SID}/redaction-reports`) return json(200, { items: [] });
      if (route === `GET /api/v1/sessions/${SID}/stream`) return new Response(new ReadableStream(), { status: 200, headers: { "Content-Type": "text/event-stream" } });
    });
    const { u, panel } = await openCopilot();
    const box = await within(panel).findByRole("region", { name: "Images for the model" });
    const again = await within(box).findByRole("checkbox", { name: "Send the images the model has already seen again" });
    expect(again).not.toBeChecked();
    await u.click(again);
    expect(await within(box).findByText("1 image goes to claude-haiku-4-5 with the next question.")).toBeInTheDocument();
    expect(previews.some((s) => s.includes("resend_images=true"))).toBe(true);
    await u.type(within(panel).getByLabelText("Ask the copilot"), "Look again{Enter}");
    await waitFor(() => expect(asked).toEqual([{ content: "Look again", resend_images: true }]));
    expect(within(box).getByRole("checkbox", { name: "Send the images the model has already seen again" })).not.toBeChecked();
  });
});
