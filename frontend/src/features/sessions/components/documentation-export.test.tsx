import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeSession, fakeUser, json, markdown, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const me = fakeUser();
const session = fakeSession();
const SID = session.id as string;

function server(pdf: () => Response = () => new Response(new Blob(["%PDF-1.7"]), { status: 200, headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="sam-cant-connect.pdf"' } })) {
  const docs: URLSearchParams[] = [];
  stubApi(me, ({ url, route }) => {
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, { ...session, timeline: [] });
    if (route === `GET /api/v1/sessions/${SID}/documentation`) {
      docs.push(url.searchParams);
      if (url.searchParams.get("format") === "pdf") return pdf();
      const p = url.searchParams;
      return markdown(`# Sam can't connect\n\ndetail ${p.get("detail") ?? "-"} timestamps ${p.get("timestamps") ?? "-"} redaction ${p.get("redaction") ?? "-"}`);
    }
    if (route === `GET /api/v1/sessions/${SID}/redaction-reports`) return json(200, []);
  });
  return { docs };
}

resetAppBetweenTests();

let clicked: HTMLAnchorElement[];
beforeEach(() => {
  clicked = [];
  Object.defineProperty(URL, "createObjectURL", { configurable: true, value: vi.fn(() => "blob:pdf") });
  Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
});
afterEach(() => vi.restoreAllMocks());

async function openDocumentation() {
  const app = renderApp(`/sessions/${SID}`);
  await app.u.click(await screen.findByRole("tab", { name: "Documentation" }));
  const preview = await screen.findByTestId("documentation-preview");
  await within(preview).findByText(/detail - timestamps - redaction -/);
  return { ...app, preview };
}

describe("Documentation export options", () => {
  it("sends nothing extra by default, then each chosen option, and shows the note they give", async () => {
    const { docs } = server();
    const { u, preview } = await openDocumentation();
    expect(docs[0]!.has("detail") || docs[0]!.has("timestamps") || docs[0]!.has("redaction")).toBe(false);

    const options = screen.getByRole("group", { name: "Export options" });
    await u.click(within(options).getByRole("checkbox", { name: "Timestamps" }));
    await u.selectOptions(within(options).getByLabelText("Detail"), "full");
    await u.selectOptions(within(options).getByLabelText("Redaction"), "strict");
    expect(await within(preview).findByText(/detail full timestamps false redaction strict/)).toBeInTheDocument();
    const last = docs.at(-1)!;
    expect(last.get("intent")).toBe("preview");
    expect(last.get("format")).toBe("markdown");
  });

  it("downloads the PDF with the options and saves it under the server's name", async () => {
    const { docs } = server();
    const { u } = await openDocumentation();
    await u.selectOptions(screen.getByLabelText("Detail"), "summary");
    await u.click(screen.getByRole("button", { name: "Download PDF" }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe("sam-cant-connect.pdf");
    const pdf = docs.find((p) => p.get("format") === "pdf")!;
    expect(pdf.get("intent")).toBe("download");
    expect(pdf.get("detail")).toBe("summary");
  });

  it("says plainly when the server cannot make PDFs", async () => {
    server(() => json(503, { title: "Service unavailable", status: 503, detail: "PDF export needs WeasyPrint and the Pango libraries installed." }));
    const { u } = await openDocumentation();
    await u.click(screen.getByRole("button", { name: "Download PDF" }));
    await waitFor(() =>
      expect(screen.getAllByRole("alert").map((a) => a.textContent).join(" ")).toMatch(
        /Couldn't download the PDF: PDF export needs WeasyPrint/,
      ),
    );
    expect(clicked).toHaveLength(0);
  });
});
