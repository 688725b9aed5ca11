import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests } from "@/testing/render";
import { fakeScript, SCRIPT_ID, scriptServer } from "../testing/fake-scripts-api";

resetAppBetweenTests();

describe("Scripts page", () => {
  it("lists scripts with language and risk, and searches", async () => {
    const { calls } = scriptServer({
      me: fakeUser(),
      scripts: [fakeScript(), fakeScript({ id: "s2", title: "Wipe a temp folder", language: "bash", risk: "destructive", description: "Deletes files", params: [] })],
    });
    const { u } = renderApp("/scripts");
    const rows = await screen.findAllByTestId("script-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole("link", { name: "Restart a service" })).toHaveAttribute("href", `/scripts/${SCRIPT_ID}`);
    expect(within(rows[0]!).getByTestId("risk-badge")).toHaveTextContent("Changes state");
    expect(within(rows[1]!).getByTestId("risk-badge")).toHaveTextContent("Destructive");
    expect(within(rows[1]!).getByText("Bash")).toBeInTheDocument();
    await u.type(screen.getByRole("searchbox", { name: "Search scripts" }), "wipe");
    await waitFor(() => expect(calls.lists.at(-1)?.get("q")).toBe("wipe"));
    await waitFor(() => expect(screen.getAllByTestId("script-row")).toHaveLength(1));
  });

  it("has an empty state and an error state with retry", async () => {
    scriptServer({ me: fakeUser(), scripts: [] });
    renderApp("/scripts");
    expect(await screen.findByText("No scripts yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Create the first script" })).toHaveAttribute("href", "/scripts/new");
  });

  it("shows an error with retry when the list fails", async () => {
    let fail = true;
    scriptServer({ me: fakeUser(), handle: ({ route }) => (route === "GET /api/v1/scripts" && fail ? json(500, { title: "Server error", status: 500, detail: "boom" }) : undefined) });
    const { u } = renderApp("/scripts");
    expect(await screen.findByText("Couldn't load the scripts")).toBeInTheDocument();
    fail = false;
    await u.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findAllByTestId("script-row")).toHaveLength(1);
  });

  it("offers the closest scripts when no model drafts, and a model's draft to review", async () => {
    const draft = {
      source: "model",
      message: "Drafted by claude. Review before running.",
      review_note: "Review before running",
      draft: { title: "Disk usage", language: "bash", body: "du -sh {{folder}}", params: [{ name: "folder", type: "path", required: true, default: null, pattern: null, choices: [], help: "" }], risk: "read_only", description: "" },
      lint: [{ line: 1, message: "SC2086: Double quote to prevent globbing" }],
      lint_note: "Linted with shellcheck.",
      matches: [],
    };
    const { calls } = scriptServer({ me: fakeUser(), draft });
    const { u, router } = renderApp("/scripts");
    await screen.findAllByTestId("script-row");
    await u.type(screen.getByLabelText("Describe what the script should do"), "show a folder's size");
    await u.selectOptions(screen.getByRole("combobox", { name: "Language" }), "bash");
    await u.click(screen.getByRole("button", { name: "Draft a script" }));
    expect(await screen.findByTestId("review-note")).toHaveTextContent("Review before running");
    expect(calls.drafts).toEqual([{ description: "show a folder's size", language: "bash" }]);
    expect(screen.getByLabelText("Drafted script")).toHaveTextContent("du -sh {{folder}}");
    expect(within(screen.getByRole("list", { name: "Lint findings" })).getByText(/SC2086/)).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Review and save" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/scripts/new"));
    expect(await screen.findByLabelText("Title")).toHaveValue("Disk usage");
    expect(screen.getByLabelText("Script")).toHaveValue("du -sh {{folder}}");
  });

  it("offline, the builder lists the closest scripts", async () => {
    scriptServer({ me: fakeUser() });
    const { u } = renderApp("/scripts");
    await screen.findAllByTestId("script-row");
    await u.type(screen.getByLabelText("Describe what the script should do"), "restart spooler");
    await u.click(screen.getByRole("button", { name: "Draft a script" }));
    expect(await screen.findByText(/No AI model is configured/)).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Closest scripts" })).getByRole("link", { name: "Restart a service" })).toBeInTheDocument();
  });
});

describe("Render panel", () => {
  it("renders through the API, names a bad parameter, then copies and says Copied", async () => {
    const { calls } = scriptServer({ me: fakeUser() });
    const u = userEvent.setup();
    renderApp(`/scripts/${SCRIPT_ID}`);
    const panel = await screen.findByRole("region", { name: "Render" });
    expect(within(panel).getByTestId("risk-badge")).toHaveTextContent("Changes state");
    expect(within(panel).getByLabelText("host")).toHaveValue("localhost");
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(window, "isSecureContext", { value: true, configurable: true });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await u.click(within(panel).getByRole("button", { name: "Copy" }));
    expect(await within(panel).findByText("a value is required")).toBeInTheDocument();
    expect(within(panel).getByLabelText("service (required)")).toHaveAttribute("aria-invalid", "true");
    expect(writeText).not.toHaveBeenCalled();
    await u.type(within(panel).getByLabelText("service (required)"), "it's; rm -rf /");
    await u.click(within(panel).getByRole("button", { name: "Copy" }));
    const expected = "Restart-Service -Name 'it''s; rm -rf /' -ComputerName 'localhost'";
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(expected));
    expect(within(panel).getByTestId("copy-status")).toHaveTextContent("Copied");
    expect(within(panel).getByTestId("rendered-script")).toHaveTextContent(expected);
    expect(calls.rendered.at(-1)).toEqual({ values: { service: "it's; rm -rf /", host: "localhost" } });
  });
});
