import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

const me = (role: string) => ({ ...TEAM_ADMIN, role });

const DOC_ID = "11111111-1111-1111-1111-111111111111";

function doc(over: Record<string, unknown> = {}) {
  return {
    id: DOC_ID,
    title: "Printer runbook",
    filename: "printer.md",
    format: "markdown",
    size: 2048,
    status: "indexed",
    error: null,
    chunk_count: 3,
    char_count: 1800,
    uploaded_by_name: "Lee Lead",
    created_at: "2026-03-01T10:00:00Z",
    indexed_at: "2026-03-01T10:00:01Z",
    ...over,
  };
}

function fakeServer(opts: { role?: string; docs?: ReturnType<typeof doc>[]; upload?: (filename: string) => Response } = {}) {
  let docs = opts.docs ?? [doc(), doc({ id: "22222222-2222-2222-2222-222222222222", title: "Broken scan", filename: "scan.pdf", format: "pdf", status: "failed", error: "This PDF is encrypted — remove the password and upload it again", chunk_count: 0 })];
  const uploads: { filename: string | null; contentType: string | null }[] = [];
  const deleted: string[] = [];
  stubApi(me(opts.role ?? "team_admin"), ({ input, url, route }) => {
    if (route === "GET /api/v1/knowledge/documents") {
      const q = url.searchParams.get("q")?.toLowerCase();
      return json(200, { items: q ? docs.filter((d) => d.title.toLowerCase().includes(q)) : docs, next_cursor: null });
    }
    if (route === "POST /api/v1/knowledge/documents") {
      const filename = url.searchParams.get("filename");
      uploads.push({ filename, contentType: input.headers.get("Content-Type") });
      if (opts.upload) return opts.upload(filename ?? "");
      const created = doc({ id: "33333333-3333-3333-3333-333333333333", title: "VPN guide", filename, chunk_count: 4 });
      docs = [created, ...docs];
      return json(201, { ...created, chunks: [] });
    }
    const m = /^DELETE \/api\/v1\/knowledge\/documents\/(.+)$/.exec(route);
    if (m) {
      deleted.push(m[1]!);
      docs = docs.filter((d) => d.id !== m[1]);
      return new Response(null, { status: 204 });
    }
  });
  return { uploads, deleted };
}

function renderPage(path = "/knowledge") {
  return renderApp(path).router;
}

resetAppBetweenTests();

describe("Knowledge page", () => {
  it("lists documents with their status, and a failed one with its error", async () => {
    fakeServer();
    renderPage();
    const table = await screen.findByRole("table", { name: "Knowledge documents" });
    expect(within(table).getByRole("link", { name: "Printer runbook" })).toHaveAttribute("href", `/knowledge/${DOC_ID}`);
    expect(within(table).getByText("Indexed")).toBeInTheDocument();
    expect(within(table).getByText("Failed")).toBeInTheDocument();
    expect(within(table).getByText("This PDF is encrypted — remove the password and upload it again")).toBeInTheDocument();
    expect(screen.getByText(/The copilot and ResolutionAssist answer from these documents and cite them/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Knowledge" })).toBeInTheDocument();
  });

  it("uploads several files, each with its own row, and shows the server's reason for a refused one", async () => {
    const { uploads } = fakeServer({
      upload: (filename) =>
        filename.endsWith(".xlsx")
          ? json(422, {
              title: "Validation failed",
              status: 422,
              detail: "Unsupported file type .xlsx — upload Markdown, text, HTML, PDF or DOCX",
              errors: [],
            })
          : json(201, { ...doc({ id: "33333333-3333-3333-3333-333333333333", title: "VPN guide", filename, chunk_count: 4 }), chunks: [] }),
    });
    const u = userEvent.setup({ applyAccept: false });
    renderPage();
    await screen.findByRole("table", { name: "Knowledge documents" });
    await u.upload(screen.getByTestId("knowledge-file-input"), [
      new File(["# VPN\n\nConnect."], "vpn.md", { type: "text/markdown" }),
      new File(["junk"], "budget.xlsx", { type: "" }),
    ]);
    const list = screen.getByRole("list", { name: "Uploads" });
    await waitFor(() => expect(within(list).getAllByTestId("upload-row").map((r) => r.dataset.status)).toEqual(["indexed", "failed"]));
    const [ok, bad] = within(list).getAllByTestId("upload-row");
    expect(ok).toHaveTextContent("vpn.md");
    expect(ok).toHaveTextContent("Indexed · 4 chunks");
    expect(within(ok!).getByRole("link", { name: "Open" })).toHaveAttribute("href", "/knowledge/33333333-3333-3333-3333-333333333333");
    expect(bad).toHaveTextContent("Unsupported file type .xlsx — upload Markdown, text, HTML, PDF or DOCX");
    expect(uploads).toEqual([
      { filename: "vpn.md", contentType: "text/markdown" },
      { filename: "budget.xlsx", contentType: "application/octet-stream" },
    ]);
  });

  it("refuses a file over 16 MiB without sending it", async () => {
    const { uploads } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    await screen.findByRole("table", { name: "Knowledge documents" });
    const big = new File(["x"], "huge.pdf", { type: "application/pdf" });
    Object.defineProperty(big, "size", { value: 17 * 1024 * 1024 });
    await u.upload(screen.getByTestId("knowledge-file-input"), big);
    expect(await screen.findByText(/knowledge documents can be at most 16 MiB/)).toBeInTheDocument();
    expect(uploads).toEqual([]);
  });

  it("deletes a document after confirming", async () => {
    const { deleted } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    await u.click(await screen.findByRole("button", { name: "Delete Printer runbook" }));
    const dialog = screen.getByRole("dialog", { name: "Delete document?" });
    await u.click(within(dialog).getByRole("button", { name: "Delete document" }));
    await waitFor(() => expect(deleted).toEqual([DOC_ID]));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Printer runbook" })).toBeNull());
  });

  it("is read-only for engineers: no upload, reindex or delete", async () => {
    fakeServer({ role: "engineer" });
    renderPage();
    await screen.findByRole("table", { name: "Knowledge documents" });
    expect(screen.queryByRole("button", { name: "Upload documents" })).toBeNull();
    expect(screen.queryByTestId("knowledge-file-input")).toBeNull();
    expect(screen.queryByRole("button", { name: /^Delete / })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Reindex / })).toBeNull();
    expect(screen.queryByRole("columnheader", { name: "Actions" })).toBeNull();
  });
});
