import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const FLOW_ID = "55555555-5555-5555-5555-555555555555";
const NO_MODEL =
  "Building flows with AI needs a model: a team admin can configure one in AI settings (Anthropic, OpenAI, or a local OpenAI-compatible server such as Ollama). Without one, the KB accelerator still turns an article's numbered steps into a procedure.";

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: `https://resolutionflow.dev/problems/${status === 502 ? "model-unavailable" : detail === NO_MODEL ? "model-required" : "validation-error"}`, title: "x", status, detail, ...extra });

const me = (role: string) => fakeUser({ email: "erin@example.com", role });

const generated = (over: Record<string, unknown> = {}) => ({
  flow_id: FLOW_ID,
  title: "Mapped drives vanish after sleep",
  node_count: 7,
  problems: [],
  rounds: 1,
  model: "claude-test",
  source: "model",
  ...over,
});

type Handler = (input: Request) => Response | Promise<Response>;

function fakeServer(opts: { role?: string; generate?: Handler; article?: Handler } = {}) {
  const generateBodies: unknown[] = [];
  const articles: { filename: string | null; mode: string | null; contentType: string | null; body: string }[] = [];
  const aborted: string[] = [];
  stubApi(me(opts.role ?? "engineer"), async ({ input, url, route }) => {
    if (route === "GET /api/v1/flows") return json(200, { items: [], next_cursor: null });
    if (route === "GET /api/v1/flows/facets") return json(200, { categories: [], tags: [] });
    if (route === "GET /api/v1/folders") return json(200, { items: [] });
    if (route === "POST /api/v1/flows/generate") {
      generateBodies.push(await input.clone().json());
      input.signal.addEventListener("abort", () => aborted.push(route));
      return (opts.generate ?? (() => json(201, generated())))(input);
    }
    if (route === "POST /api/v1/flows/from-article") {
      articles.push({
        filename: url.searchParams.get("filename"),
        mode: url.searchParams.get("mode"),
        contentType: input.headers.get("Content-Type"),
        body: await input.clone().text(),
      });
      input.signal.addEventListener("abort", () => aborted.push(route));
      return (opts.article ?? (() => json(201, generated({ source: "article", model: "offline", rounds: 0, node_count: 4, title: "Onboard a laptop" }))))(input);
    }
  });
  return { generateBodies, articles, aborted };
}

/** A response that never comes: it rejects when the request is aborted, like fetch does. */
const hanging: Handler = (input) =>
  new Promise<Response>((_, reject) => input.signal.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError"))));

function renderLibrary() {
  return renderApp("/flows").router;
}

async function openDialog(button: string, name: string) {
  const u = userEvent.setup({ applyAccept: false });
  const router = renderLibrary();
  await u.click(await screen.findByRole("button", { name: button }, { timeout: 5000 }));
  const dialog = await screen.findByRole("dialog", { name });
  return { u, router, dialog };
}

const DESCRIPTION = "Mapped drives disappear after the laptop wakes from sleep on the office Wi-Fi.";

resetAppBetweenTests();

describe("Build with AI", () => {
  it("sends the description and kind, then opens the draft in the editor", async () => {
    const { generateBodies } = fakeServer();
    const { u, router, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), DESCRIPTION);
    await u.click(within(dialog).getByLabelText("Procedural"));
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/flows/${FLOW_ID}/edit`));
    expect(generateBodies).toEqual([{ description: DESCRIPTION, kind: "procedural" }]);
  });

  it("checks the length before asking", async () => {
    const { generateBodies } = fakeServer();
    const { u, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), "too short");
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    expect(within(dialog).getByText("Describe it in at least 10 characters.")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Description")).toHaveAttribute("aria-invalid", "true");
    expect(generateBodies).toEqual([]);
  });

  it("shows the problems the model left before opening the editor", async () => {
    fakeServer({ generate: () => json(201, generated({ problems: [{ code: "unreachable", message: "Step “Reboot” can't be reached", node_id: "n4" }] })) });
    const { u, router, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), DESCRIPTION);
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    const left = await within(dialog).findByRole("list", { name: "Problems left" });
    expect(left).toHaveTextContent("n4: Step “Reboot” can't be reached");
    expect(within(dialog).getByText(/saved as a draft with 1 problem left to fix/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/flows");
    await u.click(within(dialog).getByRole("button", { name: "Open in editor" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/flows/${FLOW_ID}/edit`));
  });

  it("shows progress while the model works, and Cancel aborts the request", async () => {
    const { aborted } = fakeServer({ generate: hanging });
    const { u, router, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), DESCRIPTION);
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    expect(await within(dialog).findByTestId("generation-progress")).toHaveTextContent("Designing the flow… the model checks and repairs its own draft.");
    expect(within(dialog).getByLabelText("Description")).toBeDisabled();
    await u.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(aborted).toEqual(["POST /api/v1/flows/generate"]));
    expect(await within(dialog).findByText(/^Cancelled\./)).toBeInTheDocument();
    expect(within(dialog).queryByTestId("generation-error")).toBeNull();
    expect(within(dialog).getByLabelText("Description")).toBeEnabled();
    expect(router.state.location.pathname).toBe("/flows");
  });

  it("without a model says what to configure, with a link to AI settings for team admins", async () => {
    fakeServer({ role: "team_admin", generate: () => problem(422, NO_MODEL, { errors: [] }) });
    const { u, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), DESCRIPTION);
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    const error = await within(dialog).findByTestId("generation-error");
    expect(error).toHaveTextContent(NO_MODEL);
    expect(within(error).getByRole("link", { name: "Open AI settings" })).toHaveAttribute("href", "/admin/ai");
    expect(within(error).queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("doesn't offer the AI settings link to engineers", async () => {
    fakeServer({ generate: () => problem(422, NO_MODEL) });
    const { u, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), DESCRIPTION);
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    expect(await within(dialog).findByTestId("generation-error")).toHaveTextContent("a team admin can configure one in AI settings");
    expect(within(dialog).queryByRole("link", { name: "Open AI settings" })).toBeNull();
  });

  it("when the model can't answer shows why and retries", async () => {
    let calls = 0;
    const { generateBodies } = fakeServer({
      generate: () => (++calls === 1 ? problem(502, "Anthropic timed out after 60 s — try again, or use the fast model.") : json(201, generated())),
    });
    const { u, router, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), DESCRIPTION);
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    const error = await within(dialog).findByTestId("generation-error");
    expect(error).toHaveTextContent("Anthropic timed out after 60 s — try again, or use the fast model.");
    await u.click(within(error).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/flows/${FLOW_ID}/edit`));
    expect(generateBodies).toHaveLength(2);
  });

  it("shows the problems of a flow the model couldn't repair", async () => {
    fakeServer({
      generate: () => problem(422, "The model's flow could not be read, even after repairs.", { problems: [{ code: "no_start", message: "The flow has no start step", node_id: null }] }),
    });
    const { u, dialog } = await openDialog("Build with AI", "Build a flow with AI");
    await u.type(within(dialog).getByLabelText("Description"), DESCRIPTION);
    await u.click(within(dialog).getByRole("button", { name: "Build flow" }));
    const error = await within(dialog).findByTestId("generation-error");
    expect(error).toHaveTextContent("The model's flow could not be read, even after repairs.");
    expect(within(error).getByRole("list", { name: "Problems left" })).toHaveTextContent("The flow has no start step");
  });

  it("is not offered to viewers", async () => {
    fakeServer({ role: "viewer" });
    renderLibrary();
    await screen.findByText("No flows yet");
    expect(screen.queryByRole("button", { name: "Build with AI" })).toBeNull();
    expect(screen.queryByRole("button", { name: "From an article" })).toBeNull();
  });
});

describe("Flow from an article", () => {
  const article = () => new File(["# Onboard a laptop\n\n1. Unbox it\n2. Join Entra ID\n"], "onboard.md", { type: "text/markdown" });

  it("sends the file's bytes with its name and mode, then opens the draft", async () => {
    const { articles } = fakeServer();
    const { u, router, dialog } = await openDialog("From an article", "Flow from an article");
    await u.upload(within(dialog).getByTestId("article-file-input"), article());
    expect(within(dialog).getByTestId("article-file-name")).toHaveTextContent("onboard.md");
    expect(within(dialog).getByLabelText("Procedure")).toBeChecked();
    await u.click(within(dialog).getByRole("button", { name: "Create flow" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/flows/${FLOW_ID}/edit`));
    expect(articles).toEqual([
      { filename: "onboard.md", mode: "procedure", contentType: "text/markdown", body: "# Onboard a laptop\n\n1. Unbox it\n2. Join Entra ID\n" },
    ]);
  });

  it("sends pasted text as a Markdown article", async () => {
    const { articles } = fakeServer();
    const { u, router, dialog } = await openDialog("From an article", "Flow from an article");
    await u.type(within(dialog).getByLabelText("Or paste the article"), "1. Restart it{enter}2. Test it");
    await u.click(within(dialog).getByRole("button", { name: "Create flow" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/flows/${FLOW_ID}/edit`));
    expect(articles).toEqual([{ filename: "pasted-article.md", mode: "procedure", contentType: "text/markdown", body: "1. Restart it\n2. Test it" }]);
  });

  it("shows the server's reason for an article it can't use", async () => {
    fakeServer({ article: () => problem(422, "No headings or numbered steps found to turn into a procedure.") });
    const { u, router, dialog } = await openDialog("From an article", "Flow from an article");
    await u.upload(within(dialog).getByTestId("article-file-input"), new File(["just prose"], "notes.txt", { type: "text/plain" }));
    await u.click(within(dialog).getByRole("button", { name: "Create flow" }));
    expect(await within(dialog).findByTestId("generation-error")).toHaveTextContent("No headings or numbered steps found to turn into a procedure.");
    expect(within(dialog).queryByRole("link", { name: "Open AI settings" })).toBeNull();
    expect(router.state.location.pathname).toBe("/flows");
  });

  it("refuses an unsupported or oversized file without sending it", async () => {
    const { articles } = fakeServer();
    const { u, dialog } = await openDialog("From an article", "Flow from an article");
    await u.upload(within(dialog).getByTestId("article-file-input"), new File(["x"], "budget.xlsx"));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("budget.xlsx isn't a supported article");
    const big = new File(["x"], "huge.pdf", { type: "application/pdf" });
    Object.defineProperty(big, "size", { value: 17 * 1024 * 1024 });
    await u.upload(within(dialog).getByTestId("article-file-input"), big);
    expect(within(dialog).getByRole("alert")).toHaveTextContent("articles can be at most 16 MiB");
    await u.click(within(dialog).getByRole("button", { name: "Create flow" }));
    expect(articles).toEqual([]);
  });

  it("asks for a tree, says the model is working, and cancels", async () => {
    const { articles, aborted } = fakeServer({ article: hanging });
    const { u, dialog } = await openDialog("From an article", "Flow from an article");
    await u.upload(within(dialog).getByTestId("article-file-input"), article());
    await u.click(within(dialog).getByLabelText("Troubleshooting tree"));
    await u.click(within(dialog).getByRole("button", { name: "Create flow" }));
    expect(await within(dialog).findByTestId("generation-progress")).toHaveTextContent("the model checks and repairs its own draft");
    await u.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(aborted).toEqual(["POST /api/v1/flows/from-article"]));
    expect(articles.map((a) => a.mode)).toEqual(["tree"]);
    expect(await within(dialog).findByText(/^Cancelled\./)).toBeInTheDocument();
  });

  it("a tree without a model says what to configure", async () => {
    fakeServer({ role: "team_admin", article: () => problem(422, NO_MODEL) });
    const { u, dialog } = await openDialog("From an article", "Flow from an article");
    await u.upload(within(dialog).getByTestId("article-file-input"), article());
    await u.click(within(dialog).getByLabelText("Troubleshooting tree"));
    await u.click(within(dialog).getByRole("button", { name: "Create flow" }));
    const error = await within(dialog).findByTestId("generation-error");
    expect(error).toHaveTextContent("needs a model");
    expect(within(error).getByRole("link", { name: "Open AI settings" })).toBeInTheDocument();
  });
});
