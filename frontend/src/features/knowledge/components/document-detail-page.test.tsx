import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/router";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

const DOC_ID = "11111111-1111-1111-1111-111111111111";

function fakeServer(role: string) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), "http://localhost"), init);
      const url = new URL(input.url);
      const route = `${input.method} ${url.pathname}`;
      if (route === "POST /api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (route === "GET /api/v1/me")
        return json(200, { id: "00000000-0000-0000-0000-000000000001", email: "e@example.com", name: "En Gineer", role, account_id: "00000000-0000-0000-0000-0000000000aa", account_name: "Acme", is_active: true, created_at: "2026-01-01T00:00:00Z", last_login_at: null, teams: [] });
      if (route === `GET /api/v1/knowledge/documents/${DOC_ID}`)
        return json(200, {
          id: DOC_ID,
          title: "Printer runbook",
          filename: "printer.md",
          format: "markdown",
          size: 2048,
          status: "indexed",
          error: null,
          chunk_count: 2,
          char_count: 300,
          uploaded_by_name: "Lee Lead",
          created_at: "2026-03-01T10:00:00Z",
          indexed_at: "2026-03-01T10:00:01Z",
          chunks: [
            { ordinal: 0, heading: "Printers > Spooler", page: null, text: "Restart the spooler.\n\n```powershell\nRestart-Service Spooler\n```" },
            { ordinal: 1, heading: null, page: 4, text: "<b>not bold</b>" },
          ],
        });
      return json(404, { detail: `no route ${route}` });
    }),
  );
}

function renderPage() {
  const router = createMemoryRouter(routes, { initialEntries: [`/knowledge/${DOC_ID}`] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

beforeEach(() => {
  authStore.reset();
  queryClient.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("Knowledge document page", () => {
  it("shows the metadata and each chunk, code in a monospace block and markup as text; read-only for engineers", async () => {
    fakeServer("engineer");
    renderPage();
    expect(await screen.findByRole("heading", { name: "Printer runbook", level: 1 })).toBeInTheDocument();
    const chunks = within(screen.getByRole("list", { name: "Chunks" })).getAllByTestId("chunk");
    expect(chunks).toHaveLength(2);
    expect(within(chunks[0]!).getByRole("heading", { name: "Printers > Spooler" })).toBeInTheDocument();
    expect(within(chunks[0]!).getByText("Restart-Service Spooler").closest("pre")).not.toBeNull();
    expect(chunks[1]).toHaveTextContent("Page 4");
    expect(chunks[1]).toHaveTextContent("<b>not bold</b>");
    expect(chunks[1]!.querySelector("b")).toBeNull();
    expect(screen.queryByRole("button", { name: /^Delete / })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Reindex / })).toBeNull();
  });

  it("offers reindex and delete to team admins", async () => {
    fakeServer("team_admin");
    renderPage();
    expect(await screen.findByRole("button", { name: "Reindex Printer runbook" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete Printer runbook" })).toBeInTheDocument();
  });
});
