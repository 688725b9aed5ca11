import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

type Settings = Record<string, unknown>;

function baseSettings(over: Settings = {}): Settings {
  return {
    provider: null,
    base_url: null,
    api_key_set: false,
    fast_model: null,
    deep_model: null,
    monthly_budget_usd: null,
    effective_provider: "offline",
    effective_fast_model: "offline",
    effective_deep_model: "offline",
    effective_note: "no model is configured",
    installation: { provided: false, description: "None: the offline engine answers unless you configure a model" },
    month_spend_usd: "0",
    budget_reached: false,
    ...over,
  };
}

function fakeServer(
  opts: {
    settings?: Settings;
    putResponse?: (body: Settings) => Response | undefined;
    testResponse?: () => Promise<Response>;
  } = {},
) {
  let settings = opts.settings ?? baseSettings();
  const puts: Settings[] = [];
  let tests = 0;
  stubApi(TEAM_ADMIN, async ({ input, route }) => {
    if (route === "GET /api/v1/ai/settings") return json(200, settings);
    if (route === "PUT /api/v1/ai/settings") {
      const body = (await input.json()) as Settings;
      puts.push(body);
      const custom = opts.putResponse?.(body);
      if (custom) return custom;
      const { api_key, ...rest } = body;
      settings = { ...settings, ...rest, ...(api_key !== undefined && api_key !== null ? { api_key_set: api_key !== "" } : {}) };
      return json(200, settings);
    }
    if (route === "POST /api/v1/ai/settings/test") {
      tests += 1;
      return opts.testResponse ? opts.testResponse() : json(200, { ok: true, provider: "offline", model: "offline", message: "fine", latency_ms: 0 });
    }
  });
  return { puts, testCount: () => tests };
}

function renderPage(path = "/admin/ai") {
  return renderApp(path).router;
}

resetAppBetweenTests();

describe("AI settings page", () => {
  it("shows what is in effect and why, and the sidebar link", async () => {
    fakeServer();
    renderPage();
    const effective = await screen.findByRole("region", { name: "What's in effect" });
    expect(within(effective).getByText("Offline engine")).toBeInTheDocument();
    expect(within(effective).getByText(/Why offline: no model is configured/)).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Use installation default" })).toBeChecked();
    expect(screen.getByRole("link", { name: "AI settings" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
  });

  it("sends only the changed fields, and no API key unless one was typed", async () => {
    const { puts } = fakeServer({
      settings: baseSettings({ provider: "anthropic", api_key_set: true, effective_provider: "anthropic", effective_fast_model: "claude-haiku-4-5", effective_deep_model: "claude-sonnet-4-6", effective_note: "" }),
    });
    const u = userEvent.setup();
    renderPage();
    const budget = await screen.findByLabelText("Monthly budget (USD)");
    await u.type(budget, "25");
    const save = screen.getByRole("button", { name: "Save" });
    expect(save).toBeEnabled();
    await u.click(save);
    expect(await screen.findByText("AI settings saved.")).toBeInTheDocument();
    expect(puts).toEqual([{ monthly_budget_usd: "25" }]);
    await waitFor(() => expect(screen.getByRole("button", { name: "Save" })).toBeDisabled());

    await u.type(screen.getByLabelText("API key"), "sk-ant-new-secret");
    await u.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]).toEqual({ api_key: "sk-ant-new-secret" });
    // The typed key is gone from the page once saved.
    await waitFor(() => expect(screen.getByLabelText("API key")).toHaveValue(""));
    expect(document.body.textContent).not.toContain("sk-ant-new-secret");
  });

  it("never shows the saved key: an empty password field that says a key is saved, and Remove key sends an empty key", async () => {
    const { puts } = fakeServer({
      settings: baseSettings({ provider: "openai", base_url: "http://localhost:11434/v1", api_key_set: true, effective_provider: "openai", effective_fast_model: "gpt-4o-mini", effective_deep_model: "gpt-4o", effective_note: "" }),
    });
    const u = userEvent.setup();
    renderPage();
    const key = await screen.findByLabelText("API key");
    expect(key).toHaveAttribute("type", "password");
    expect(key).toHaveValue("");
    expect(screen.getByText("A key is saved — leave empty to keep it.")).toBeInTheDocument();
    expect(screen.getByLabelText("Base URL")).toHaveValue("http://localhost:11434/v1");
    expect(screen.getByLabelText("Fast model")).toHaveAttribute("placeholder", "gpt-4o-mini");

    await u.click(screen.getByRole("button", { name: "Remove key" }));
    expect(screen.getByText("The saved key will be removed when you save.")).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(puts).toEqual([{ api_key: "" }]));
    expect(await screen.findByText("Stored encrypted; never shown again after saving.")).toBeInTheDocument();
  });

  it("offers to remove a key that is still saved while the offline engine is chosen", async () => {
    const { puts } = fakeServer({ settings: baseSettings({ provider: "offline", api_key_set: true }) });
    const u = userEvent.setup();
    renderPage();
    expect(await screen.findByText(/An API key is still saved/)).toBeInTheDocument();
    expect(screen.queryByLabelText("API key")).toBeNull();
    await u.click(screen.getByRole("button", { name: "Remove key" }));
    await u.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(puts).toEqual([{ api_key: "" }]));
    await waitFor(() => expect(screen.queryByText(/An API key is still saved/)).toBeNull());
  });

  it("switching provider sends it, and going back to the installation default sends null", async () => {
    const { puts } = fakeServer({ settings: baseSettings({ provider: "offline" }) });
    const u = userEvent.setup();
    renderPage();
    await u.click(await screen.findByRole("radio", { name: "Use installation default" }));
    await u.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(puts).toEqual([{ provider: null }]));
  });

  it("shows the server's field errors next to their fields", async () => {
    fakeServer({
      settings: baseSettings({ provider: "openai" }),
      putResponse: () =>
        json(422, {
          type: "about:blank",
          title: "Validation failed",
          status: 422,
          detail: "Validation failed",
          errors: [{ loc: ["body", "base_url"], msg: "Value error, must not carry credentials; put the key in the API key field", type: "value_error" }],
        }),
    });
    const u = userEvent.setup();
    renderPage();
    const url = await screen.findByLabelText("Base URL");
    await u.type(url, "https://user:pw@example.com/v1");
    await u.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("must not carry credentials; put the key in the API key field")).toBeInTheDocument();
    expect(url).toHaveAttribute("aria-invalid", "true");
  });

  it("checks the budget before sending", async () => {
    const { puts } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    await u.type(await screen.findByLabelText("Monthly budget (USD)"), "lots");
    expect(screen.getByText(/Enter an amount in US dollars/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
    expect(puts).toEqual([]);
  });

  it("shows the connection test's progress, then its result", async () => {
    let answer!: (r: Response) => void;
    fakeServer({ testResponse: () => new Promise<Response>((resolve) => (answer = resolve)) });
    const u = userEvent.setup();
    renderPage();
    await u.click(await screen.findByRole("button", { name: "Test connection" }));
    const result = screen.getByTestId("connection-result");
    expect(await within(result).findByText(/Testing the offline engine… this can take a few seconds/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Test connection/ })).toBeDisabled();
    answer(json(200, { ok: false, provider: "openai", model: "gpt-4o-mini", message: "The API key was rejected (401).", latency_ms: 812 }));
    expect(await within(result).findByText("Connection failed")).toBeInTheDocument();
    expect(within(result).getByText("The API key was rejected (401).")).toBeInTheDocument();
    expect(within(result).getByText(/812 ms/)).toBeInTheDocument();
    expect(result.querySelector("[data-ok]")).toHaveAttribute("data-ok", "false");
  });

  it("asks before leaving with unsaved changes", async () => {
    fakeServer();
    const u = userEvent.setup();
    const router = renderPage();
    await u.type(await screen.findByLabelText("Monthly budget (USD)"), "10");
    await u.click(screen.getByRole("link", { name: "Usage" }));
    const dialog = await screen.findByRole("dialog", { name: "Leave without saving?" });
    await u.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(router.state.location.pathname).toBe("/admin/ai");
  });
});
