import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

const account = {
  id: TEAM_ADMIN.account_id,
  name: "Acme MSP",
  slug: "acme-msp",
  engineers_can_publish: false,
  redact_emails: false,
  redact_phones: false,
  redact_ip_addresses: false,
  created_at: "2026-01-01T00:00:00Z",
  user_count: 7,
};

type Channels = { slack_webhook_set: boolean; teams_webhook_set: boolean };
type Body = Record<string, string | null>;

function fakeServer(
  opts: { channels?: Channels; putResponse?: (body: Body) => Response | undefined; testResponse?: () => Promise<Response> } = {},
) {
  let channels = opts.channels ?? { slack_webhook_set: false, teams_webhook_set: false };
  const puts: Body[] = [];
  let tests = 0;
  stubApi(TEAM_ADMIN, async ({ input, route }) => {
    if (route === "GET /api/v1/account") return json(200, account);
    if (route === "GET /api/v1/account/note-template") return json(200, { sections: [], header: "", footer: "" });
    if (route === "GET /api/v1/account/escalation-channels") return json(200, channels);
    if (route === "PUT /api/v1/account/escalation-channels") {
      const body = (await input.json()) as Body;
      puts.push(body);
      const custom = opts.putResponse?.(body);
      if (custom) return custom;
      const next = { ...channels };
      if (typeof body.slack_webhook_url === "string") next.slack_webhook_set = body.slack_webhook_url !== "";
      if (typeof body.teams_webhook_url === "string") next.teams_webhook_set = body.teams_webhook_url !== "";
      channels = next;
      return json(200, channels);
    }
    if (route === "POST /api/v1/account/escalation-channels/test") {
      tests += 1;
      return opts.testResponse ? opts.testResponse() : json(200, { ok: true, sent_to: ["slack"], failed: [] });
    }
  });
  return { puts, testCount: () => tests };
}

function renderPage() {
  renderApp("/admin/account");
}

async function section() {
  return screen.findByRole("region", { name: "Escalation notices: Slack and Teams" });
}

resetAppBetweenTests();

describe("Escalation channels", () => {
  it("shows both channels unset, with write-only password fields and no test to send", async () => {
    fakeServer();
    renderPage();
    const s = await section();
    const slack = await within(s).findByLabelText("Slack incoming webhook");
    expect(slack).toHaveAttribute("type", "password");
    expect(slack).toHaveValue("");
    expect(within(s).getByLabelText("Teams incoming webhook")).toHaveValue("");
    expect(within(s).getAllByText("Not set. Stored encrypted; never shown again after saving.")).toHaveLength(2);
    expect(within(s).getByText(/carries its own token/)).toBeInTheDocument();
    expect(within(s).getByText(/the priority, who escalated, the redacted problem summary and reason, and a link/)).toBeInTheDocument();
    expect(within(s).getByRole("button", { name: "Save channels" })).toBeDisabled();
    expect(within(s).getByRole("button", { name: "Send a test notice" })).toBeDisabled();
    expect(within(s).queryByRole("button", { name: /Remove/ })).toBeNull();
  });

  it("saves only the channel that changed, then forgets the typed URL", async () => {
    const { puts } = fakeServer({ channels: { slack_webhook_set: false, teams_webhook_set: true } });
    const u = userEvent.setup();
    renderPage();
    const s = await section();
    expect(await within(s).findByText("A webhook is saved — leave empty to keep it.")).toBeInTheDocument();
    const secret = "https://hooks.slack.com/services/T000/B000/very-secret";
    await u.type(within(s).getByLabelText("Slack incoming webhook"), secret);
    await u.click(within(s).getByRole("button", { name: "Save channels" }));
    expect(await screen.findByText("Escalation channels saved.")).toBeInTheDocument();
    expect(puts).toEqual([{ slack_webhook_url: secret }]);
    await waitFor(() => expect(within(s).getByLabelText("Slack incoming webhook")).toHaveValue(""));
    expect(within(s).getAllByText("A webhook is saved — leave empty to keep it.")).toHaveLength(2);
    expect(document.body.textContent).not.toContain("very-secret");
  });

  it("Remove sends an empty URL for that channel only", async () => {
    const { puts } = fakeServer({ channels: { slack_webhook_set: true, teams_webhook_set: true } });
    const u = userEvent.setup();
    renderPage();
    const s = await section();
    await u.click(await within(s).findByRole("button", { name: "Remove Teams webhook" }));
    expect(within(s).getByText("The saved Teams webhook will be removed when you save.")).toBeInTheDocument();
    await u.click(within(s).getByRole("button", { name: "Save channels" }));
    await waitFor(() => expect(puts).toEqual([{ teams_webhook_url: "" }]));
    expect(await within(s).findByText("Not set. Stored encrypted; never shown again after saving.")).toBeInTheDocument();
    expect(within(s).queryByRole("button", { name: "Remove Teams webhook" })).toBeNull();
  });

  it("shows a 422 under its field", async () => {
    fakeServer({
      putResponse: () =>
        json(422, {
          type: "about:blank",
          title: "Validation failed",
          status: 422,
          detail: "Validation failed",
          errors: [{ loc: ["body", "teams_webhook_url"], msg: "Value error, must be an https:// incoming-webhook URL", type: "value_error" }],
        }),
    });
    const u = userEvent.setup();
    renderPage();
    const s = await section();
    const teams = await within(s).findByLabelText("Teams incoming webhook");
    await u.type(teams, "http://example.com");
    await u.click(within(s).getByRole("button", { name: "Save channels" }));
    expect(await within(s).findByText("must be an https:// incoming-webhook URL")).toBeInTheDocument();
    expect(teams).toHaveAttribute("aria-invalid", "true");
    expect(within(s).getByLabelText("Slack incoming webhook")).not.toHaveAttribute("aria-invalid");
    // Typing again clears the error.
    await u.type(teams, "x");
    expect(teams).not.toHaveAttribute("aria-invalid");
  });

  it("sends a test notice, shows progress, then what failed", async () => {
    let answer!: (r: Response) => void;
    const { testCount } = fakeServer({
      channels: { slack_webhook_set: true, teams_webhook_set: true },
      testResponse: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const u = userEvent.setup();
    renderPage();
    const s = await section();
    await u.click(await within(s).findByRole("button", { name: "Send a test notice" }));
    const result = within(s).getByTestId("channel-test-result");
    expect(await within(result).findByText(/Sending a test notice…/)).toBeInTheDocument();
    answer(json(200, { ok: false, sent_to: ["slack", "teams"], failed: ["teams: the webhook answered 404"] }));
    expect(await within(result).findByText("Test notice failed")).toBeInTheDocument();
    expect(within(result).getByText("Tried Slack and Teams.")).toBeInTheDocument();
    expect(within(result).getByText("teams: the webhook answered 404")).toBeInTheDocument();
    expect(result.querySelector("[data-ok]")).toHaveAttribute("data-ok", "false");
    expect(testCount()).toBe(1);
  });

  it("a test that went through is green", async () => {
    fakeServer({ channels: { slack_webhook_set: true, teams_webhook_set: false } });
    const u = userEvent.setup();
    renderPage();
    const s = await section();
    await u.click(await within(s).findByRole("button", { name: "Send a test notice" }));
    const result = within(s).getByTestId("channel-test-result");
    expect(await within(result).findByText("Test notice sent")).toBeInTheDocument();
    expect(within(result).getByText(/Posted to Slack\./)).toBeInTheDocument();
    expect(result.querySelector("[data-ok]")).toHaveAttribute("data-ok", "true");
  });
});
