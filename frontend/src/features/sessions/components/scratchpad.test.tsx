import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";
import { isScratchpadToggle, lineAt } from "../model/scratchpad";

const SID = "11111111-1111-1111-1111-111111111111";

function fakeServer(owner: boolean) {
  const me = fakeUser();
  const saves: string[] = [];
  const notes: unknown[] = [];
  let saved = { text: "first idea\nsecond idea", updated_at: "2026-03-01T10:00:00Z", max_length: 20000 };
  stubApi(me, async ({ input, route }) => {
    if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0 });
    if (route.endsWith("/stream")) return new Response(new ReadableStream(), { status: 200, headers: { "Content-Type": "text/event-stream" } });
    if (route === `GET /api/v1/sessions/${SID}`) {
      return json(200, fakeSession({ id: SID, title: "Server slow", owner_id: owner ? me.id : "someone-else", timeline: [] }));
    }
    if (route === `GET /api/v1/sessions/${SID}/documentation`) return markdown("# Note");
    if (route === `GET /api/v1/sessions/${SID}/redaction-reports`) return json(200, { items: [] });
    if (route === `GET /api/v1/sessions/${SID}/scratchpad`) return json(200, saved);
    if (route === `PUT /api/v1/sessions/${SID}/scratchpad`) {
      const body = (await input.clone().json()) as { text: string };
      saves.push(body.text);
      saved = { ...saved, text: body.text, updated_at: "2026-03-01T10:05:00Z" };
      return json(200, saved);
    }
    if (route === `POST /api/v1/sessions/${SID}/events`) {
      const body = await input.clone().json();
      notes.push(body);
      return json(201, { session: fakeSession({ id: SID, title: "Server slow", owner_id: me.id }), events: [] });
    }
  });
  return { saves, notes };
}

resetAppBetweenTests();

describe("Scratchpad", () => {
  it("opens with Ctrl+/, saves a moment after typing, says Saved, and promotes the caret's line", async () => {
    const { saves, notes } = fakeServer(true);
    const { u } = renderApp(`/sessions/${SID}`);
    await screen.findByRole("button", { name: "Scratchpad" }, { timeout: 5000 });
    expect(screen.queryByTestId("scratchpad")).toBeNull();
    // The page's key listener is attached by an effect that can run a moment after the button
    // appears (on a busy machine, after this line): press again until the panel is there. Each
    // press is flushed before the check, so a press that worked is never followed by another.
    await waitFor(() => {
      if (!screen.queryByTestId("scratchpad")) fireEvent.keyDown(window, { key: "/", ctrlKey: true });
      expect(screen.getByTestId("scratchpad")).toBeInTheDocument();
    });
    const panel = screen.getByTestId("scratchpad");
    const area = await within(panel).findByRole("textbox");
    await waitFor(() => expect(area).toHaveValue("first idea\nsecond idea"));
    await waitFor(() => expect(area).toHaveFocus());

    await u.type(area, "\nthird: check the RAID cache");
    expect(saves).toEqual([]); // not on every key press
    await waitFor(() => expect(saves).toEqual(["first idea\nsecond idea\nthird: check the RAID cache"]), { timeout: 3000 });
    await waitFor(() => expect(within(panel).getByTestId("scratchpad-status")).toHaveTextContent("Saved"));

    // The caret is at the end: the last line goes to the timeline as a note.
    await u.click(within(panel).getByRole("button", { name: "Add line to timeline" }));
    await waitFor(() => expect(notes).toEqual([{ type: "note", text: "third: check the RAID cache" }]));

    fireEvent.keyDown(window, { key: "/", ctrlKey: true });
    await waitFor(() => expect(screen.queryByTestId("scratchpad")).toBeNull());
  }, 20_000); // typing and the autosave pause take a few seconds on a busy machine

  it("is not offered to someone who does not own the session", async () => {
    fakeServer(false);
    renderApp(`/sessions/${SID}`);
    await screen.findByRole("heading", { name: "Server slow" }, { timeout: 5000 });
    expect(screen.queryByRole("button", { name: "Scratchpad" })).toBeNull();
    fireEvent.keyDown(window, { key: "/", ctrlKey: true });
    expect(screen.queryByTestId("scratchpad")).toBeNull();
  });
});

describe("scratchpad model", () => {
  it("takes the caret's line, or the selection", () => {
    const text = "alpha\nbeta gamma\ndelta";
    expect(lineAt(text, 8, 8)).toBe("beta gamma");
    expect(lineAt(text, 0, 0)).toBe("alpha");
    expect(lineAt(text, text.length, text.length)).toBe("delta");
    expect(lineAt(text, 6, 10)).toBe("beta");
    expect(lineAt("", 0, 0)).toBe("");
  });

  it("toggles on Ctrl+/ or Cmd+/ only", () => {
    expect(isScratchpadToggle({ key: "/", ctrlKey: true })).toBe(true);
    expect(isScratchpadToggle({ key: "/", metaKey: true })).toBe(true);
    expect(isScratchpadToggle({ key: "/" })).toBe(false);
    expect(isScratchpadToggle({ key: "/", ctrlKey: true, altKey: true })).toBe(false);
  });
});
