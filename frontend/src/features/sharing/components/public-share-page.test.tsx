import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const TOKEN = "Zz9_-Zz9_-Zz9_-Zz9_-Zz9_-Zz9_-Zz9_-Zz9_-abc";

const view = {
  title: "Sam can't connect",
  note_markdown: "# Sam can't connect\n\n## Notes\n\n- Sam said the password is [REDACTED:password]\n",
  note_text: "Sam can't connect\n\nNotes\n- Sam said the password is [REDACTED:password]\n",
  note_html: "<h1>Sam can't connect</h1>",
  expires_at: "2026-03-08T10:00:00Z",
  shared_at: "2026-03-01T10:00:00Z",
};

function fakeServer(share: Response | null) {
  const calls: string[] = [];
  // Nobody is signed in.
  stubApi(null, ({ route }) => {
    calls.push(route);
    if (route === "POST /api/v1/auth/refresh") return json(401, { status: 401, title: "Not signed in", detail: "Sign in." });
    if (route === `GET /api/v1/public/shares/${TOKEN}` && share) return share;
    return json(404, { status: 404, title: "Not found", detail: "This link is no longer available." });
  });
  return calls;
}

function renderAt(path: string) {
  renderApp(path);
}

resetAppBetweenTests();

describe("Public share page", () => {
  it("shows the redacted note without signing in, outside the app shell", async () => {
    const calls = fakeServer(json(200, view));
    renderAt(`/s/${TOKEN}`);

    const article = await screen.findByRole("article", { name: "Sam can't connect" });
    expect(article).toBeInTheDocument();
    expect(screen.getByText(/^Shared .* · redacted/)).toBeInTheDocument();
    const note = screen.getByTestId("shared-note");
    expect(note).toHaveTextContent("Sam said the password is [REDACTED:password]");
    expect(note.querySelector("h2")).toHaveTextContent("Notes");
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Sign in to ResolutionFlow" })).toBeNull();
    expect(calls).not.toContain("GET /api/v1/me");

    // user-event installs its own clipboard on setup; replace it afterwards.
    const u = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(window, "isSecureContext", { value: true, configurable: true });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await u.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(view.note_text);
    expect(await screen.findByText("Copied")).toBeInTheDocument();
  });

  it("says the link is no longer available for an unknown, expired or revoked link", async () => {
    fakeServer(null);
    renderAt(`/s/${TOKEN}`);
    expect(await screen.findByRole("heading", { name: "This link is no longer available." })).toBeInTheDocument();
  });

  it("does not even ask the server about a malformed token", async () => {
    const calls = fakeServer(null);
    renderAt("/s/short");
    expect(await screen.findByRole("heading", { name: "This link is no longer available." })).toBeInTheDocument();
    expect(calls.filter((c) => c.includes("/public/shares/"))).toEqual([]);
  });
});
