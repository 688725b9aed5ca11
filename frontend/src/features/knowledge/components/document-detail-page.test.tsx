import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const DOC_ID = "11111111-1111-1111-1111-111111111111";

function fakeServer(role: string) {
  stubApi(fakeUser({ email: "e@example.com", name: "En Gineer", role, account_name: "Acme" }), ({ route }) => {
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
  });
}

function renderPage() {
  renderApp(`/knowledge/${DOC_ID}`);
}

resetAppBetweenTests();

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
