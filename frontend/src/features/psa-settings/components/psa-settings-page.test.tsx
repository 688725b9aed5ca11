import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { queryClient } from "@/lib/query-client";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

const TEAM_ID = "00000000-0000-0000-0000-0000000000t1";
const teams = { items: [{ id: TEAM_ID, name: "Network", description: "", member_count: 3, created_at: "2026-01-01T00:00:00Z" }], next_cursor: null };

const field = (name: string, label: string, kind: "text" | "secret" | "url", over: Record<string, unknown> = {}) => ({
  name,
  label,
  kind,
  required: true,
  help: "",
  placeholder: "",
  ...over,
});

const providers = [
  {
    name: "connectwise",
    label: "ConnectWise PSA",
    fields: [
      field("base_url", "API URL", "url", { help: "Your ConnectWise API address.", placeholder: "https://api-na.myconnectwise.net" }),
      field("company_id", "Company ID", "text"),
      field("public_key", "Public key", "text"),
      field("private_key", "Private key", "secret"),
      field("client_id", "Client ID", "text"),
    ],
    supports_status: true,
    supports_time_entries: true,
    supports_discovery: true,
  },
  {
    name: "halopsa",
    label: "HaloPSA",
    fields: [field("base_url", "Halo URL", "url"), field("client_id", "Client ID", "text"), field("client_secret", "Client secret", "secret")],
    supports_status: false,
    supports_time_entries: false,
    supports_discovery: false,
  },
];

type Obj = Record<string, unknown>;

function settingsOf(over: Obj = {}): Obj {
  return {
    configured: false,
    scope: "account",
    team_id: null,
    inherited: false,
    provider: null,
    config: {},
    secrets_set: [],
    push_on_resolve: false,
    push_on_escalate: false,
    resolve_note_type: "resolution",
    escalate_note_type: "internal",
    time_entry_on_resolve: false,
    status_on_resolve: {},
    status_on_escalate: {},
    status_on_workaround: null,
    last_test_at: null,
    last_test_ok: null,
    last_test_message: "",
    ...over,
  };
}

const savedConnectWise = () =>
  settingsOf({
    configured: true,
    provider: "connectwise",
    config: { base_url: "https://api-na.myconnectwise.net", company_id: "acme", public_key: "pub", client_id: "cid" },
    secrets_set: ["private_key"],
    push_on_resolve: true,
    status_on_resolve: { "*": "Completed" },
  });

interface Link {
  user_id: string;
  user_name: string;
  user_email: string;
  member_id: string | null;
  member_identifier: string | null;
  member_name: string | null;
  source: "auto" | "manual" | null;
}

const membersOf = (): { members: Obj[]; links: Link[]; unmapped: number } => ({
  members: [
    { id: "m1", identifier: "lee", name: "Lee Lead", email: "lead@example.com" },
    { id: "m2", identifier: "sam", name: "Sam Smith", email: "sam@psa.example" },
  ],
  links: [
    { user_id: TEAM_ADMIN.id, user_name: "Lee Lead", user_email: "lead@example.com", member_id: "m1", member_identifier: "lee", member_name: "Lee Lead", source: "auto" },
    { user_id: "00000000-0000-0000-0000-000000000002", user_name: "Sam Engineer", user_email: "sam@example.com", member_id: null, member_identifier: null, member_name: null, source: null },
  ],
  unmapped: 1,
});

const push = (over: Obj = {}): Obj => ({
  id: "p1",
  session_id: "s1",
  session_title: "Printer offline",
  provider: "connectwise",
  ticket_id: "1234",
  trigger: "resolve",
  note_type: "resolution",
  notify_customer: false,
  state: "failed",
  attempts: 5,
  last_error: "The PSA did not answer (timeout).",
  psa_note_id: null,
  time_minutes: null,
  target_status: null,
  outcome: {},
  requested_by_name: "Lee Lead",
  created_at: "2026-02-01T10:00:00Z",
  next_attempt_at: "2026-02-01T10:05:00Z",
  sent_at: null,
  ...over,
});

interface Call {
  route: string;
  query: URLSearchParams;
  body: Obj | null;
}

function fakeServer(
  opts: {
    settings?: (teamId: string | null) => Obj;
    putResponse?: (body: Obj) => Response | undefined;
    testResponse?: (body: Obj | null) => Promise<Response>;
    members?: () => Response;
    activity?: (query: URLSearchParams) => Response;
  } = {},
) {
  const calls: Call[] = [];
  const settingsFor = opts.settings ?? (() => settingsOf());
  stubApi(TEAM_ADMIN, async ({ input, url, route }) => {
    const text = input.method === "GET" ? "" : await input.text();
    const body = text ? (JSON.parse(text) as Obj) : null;
    calls.push({ route, query: url.searchParams, body });
    const teamId = url.searchParams.get("team_id");
    if (route === "GET /api/v1/teams") return json(200, teams);
    if (route === "GET /api/v1/integrations/psa/providers") return json(200, providers);
    if (route === "GET /api/v1/integrations/psa") return json(200, settingsFor(teamId));
    if (route === "PUT /api/v1/integrations/psa") {
      const custom = opts.putResponse?.(body ?? {});
      if (custom) return custom;
      return json(200, settingsOf({ ...savedConnectWise(), scope: teamId ? "team" : "account", team_id: teamId }));
    }
    if (route === "DELETE /api/v1/integrations/psa") return new Response(null, { status: 204 });
    if (route === "POST /api/v1/integrations/psa/test") {
      return opts.testResponse ? opts.testResponse(body) : json(200, { ok: true, version: "2024.1", kind: null, message: "Connected (version 2024.1)." });
    }
    if (route === "POST /api/v1/integrations/psa/discover") {
      return json(200, { base_url: "https://api-na.myconnectwise.net/v2024_1/apis/3.0", codebase: "v2024_1/", company_name: "Acme Inc" });
    }
    if (route === "GET /api/v1/integrations/psa/members") return opts.members ? opts.members() : json(200, membersOf());
    if (route.startsWith("PUT /api/v1/integrations/psa/members/")) {
      const m = membersOf();
      const userId = url.pathname.split("/").pop();
      const memberId = (body?.member_id as string | null) ?? null;
      m.links = m.links.map((l) =>
        l.user_id === userId ? { ...l, member_id: memberId, member_identifier: memberId, member_name: memberId, source: memberId ? ("manual" as const) : null } : l,
      );
      m.unmapped = m.links.filter((l) => !l.member_id).length;
      return json(200, m);
    }
    if (route === "GET /api/v1/integrations/psa/activity") {
      return opts.activity ? opts.activity(url.searchParams) : json(200, { items: [], next_cursor: null });
    }
    if (route.startsWith("POST /api/v1/psa/pushes/")) return json(200, push({ state: "queued", attempts: 0 }));
  });
  const find = (route: string) => calls.filter((c) => c.route === route);
  return { calls, find };
}

function renderPage(path = "/settings/psa") {
  return renderApp(path).router;
}

resetAppBetweenTests();

describe("PSA settings: connection", () => {
  it("draws the credentials form from the chosen provider's fields, and has a sidebar link", async () => {
    fakeServer();
    const u = userEvent.setup();
    renderPage();
    expect(await screen.findByRole("heading", { name: "PSA integration", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "PSA integration" })).toHaveAttribute("href", "/settings/psa");
    expect(await screen.findByText("Choose your PSA to enter its connection details.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();

    await u.click(screen.getByRole("radio", { name: "ConnectWise PSA" }));
    expect(screen.getByLabelText("API URL")).toHaveAttribute("type", "url");
    expect(screen.getByLabelText("API URL")).toHaveAttribute("placeholder", "https://api-na.myconnectwise.net");
    expect(screen.getByText("Your ConnectWise API address.")).toBeInTheDocument();
    expect(screen.getByLabelText("Company ID")).toHaveAttribute("type", "text");
    expect(screen.getByLabelText("Private key")).toHaveAttribute("type", "password");
    expect(screen.getByRole("checkbox", { name: "Add a time entry on resolve" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Ticket status on resolve" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Discover from site" })).toBeInTheDocument();

    await u.click(screen.getByRole("radio", { name: "HaloPSA" }));
    expect(screen.getByLabelText("Client secret")).toHaveAttribute("type", "password");
    expect(screen.queryByLabelText("Private key")).toBeNull();
    expect(screen.queryByRole("checkbox", { name: "Add a time entry on resolve" })).toBeNull();
    expect(screen.queryByRole("group", { name: "Ticket status on resolve" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Discover from site" })).toBeNull();
  });

  it("never shows a saved secret, sends it only when typed, and sends the provider's fields at the top level", async () => {
    const { find } = fakeServer({ settings: () => savedConnectWise() });
    const u = userEvent.setup();
    renderPage();
    const secret = await screen.findByLabelText("Private key");
    expect(secret).toHaveValue("");
    expect(secret).toHaveAttribute("placeholder", "••••••••  (saved)");
    expect(within(screen.getByTestId("psa-field-private_key")).getByText("Saved — leave blank to keep.")).toBeInTheDocument();
    expect(screen.getByLabelText("Company ID")).toHaveValue("acme");
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();

    await u.clear(screen.getByLabelText("Company ID"));
    await u.type(screen.getByLabelText("Company ID"), "acme2");
    await u.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("PSA settings saved.")).toBeInTheDocument();
    const [first] = find("PUT /api/v1/integrations/psa");
    expect(first!.body).toEqual({
      provider: "connectwise",
      base_url: "https://api-na.myconnectwise.net",
      company_id: "acme2",
      public_key: "pub",
      client_id: "cid",
      push_on_resolve: true,
      push_on_escalate: false,
      resolve_note_type: "resolution",
      escalate_note_type: "internal",
      time_entry_on_resolve: false,
      status_on_resolve: { "*": "Completed" },
      status_on_escalate: {},
      status_on_workaround: null,
    });
    expect(first!.query.has("team_id")).toBe(false);

    await u.type(screen.getByLabelText("Private key"), "new-private");
    await u.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(find("PUT /api/v1/integrations/psa")).toHaveLength(2));
    expect(find("PUT /api/v1/integrations/psa")[1]!.body).toMatchObject({ private_key: "new-private" });
    await waitFor(() => expect(screen.getByLabelText("Private key")).toHaveValue(""));
  });

  it("shows the server's field errors under their inputs", async () => {
    fakeServer({
      putResponse: () =>
        json(422, {
          type: "https://resolutionflow.dev/problems/validation-error",
          title: "Validation failed",
          status: 422,
          detail: "Some PSA settings need fixing.",
          errors: [
            { loc: ["body", "base_url"], msg: "must be https:// (http:// only on loopback)", type: "value_error" },
            { loc: ["body", "private_key"], msg: "is required", type: "value_error" },
          ],
        }),
    });
    const u = userEvent.setup();
    renderPage();
    await u.click(await screen.findByRole("radio", { name: "ConnectWise PSA" }));
    await u.type(screen.getByLabelText("API URL"), "http://psa.example.com");
    await u.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("must be https:// (http:// only on loopback)")).toBeInTheDocument();
    expect(screen.getByLabelText("API URL")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Private key")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Private key")).toHaveAccessibleDescription("is required");
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
  });

  it("tests the form as typed, showing progress, then success or the failure's message", async () => {
    const answers: ((r: Response) => void)[] = [];
    const { find } = fakeServer({
      settings: () => savedConnectWise(),
      testResponse: () => new Promise<Response>((resolve) => answers.push(resolve)),
    });
    const u = userEvent.setup();
    renderPage();
    await u.click(await screen.findByRole("button", { name: "Test connection" }));
    const result = screen.getByTestId("psa-test-result");
    expect(await within(result).findByText(/Testing the connection… this can take a few seconds/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Test connection/ })).toBeDisabled();
    // Nothing changed: the saved settings are tested (no body).
    expect(find("POST /api/v1/integrations/psa/test")[0]!.body).toBeNull();
    answers[0]!(json(200, { ok: true, version: "2024.1", kind: null, message: "Connected (version 2024.1)." }));
    expect(await within(result).findByText("Connection works")).toBeInTheDocument();
    expect(within(result).getByText("Connected (version 2024.1).")).toBeInTheDocument();
    expect(result.querySelector("[data-ok]")).toHaveAttribute("data-ok", "true");

    await u.type(screen.getByLabelText("Private key"), "wrong");
    await u.click(screen.getByRole("button", { name: "Test connection" }));
    await waitFor(() => expect(answers).toHaveLength(2));
    expect(find("POST /api/v1/integrations/psa/test")[1]!.body).toMatchObject({ provider: "connectwise", private_key: "wrong" });
    answers[1]!(json(200, { ok: false, version: null, kind: "credentials", message: "The public/private key pair was rejected." }));
    expect(await within(result).findByText("Connection failed")).toBeInTheDocument();
    expect(within(result).getByText("The public/private key pair was rejected.")).toBeInTheDocument();
    expect(within(result).getByText("Credentials rejected")).toBeInTheDocument();
    expect(result.querySelector("[data-ok]")).toHaveAttribute("data-ok", "false");
    expect(screen.getByRole("button", { name: "Test connection" })).toBeEnabled();
  });

  it("fills the API URL from ConnectWise discovery", async () => {
    const { find } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    await u.click(await screen.findByRole("radio", { name: "ConnectWise PSA" }));
    await u.type(screen.getByLabelText("Company ID"), "acme");
    await u.click(screen.getByRole("button", { name: "Discover from site" }));
    await u.type(screen.getByLabelText("ConnectWise site"), "na.myconnectwise.net");
    await u.click(screen.getByRole("button", { name: "Find API URL" }));
    await waitFor(() => expect(screen.getByLabelText("API URL")).toHaveValue("https://api-na.myconnectwise.net/v2024_1/apis/3.0"));
    expect(find("POST /api/v1/integrations/psa/discover")[0]!.body).toEqual({ site: "na.myconnectwise.net", company_id: "acme" });
    expect(screen.getByTestId("psa-discover-result")).toHaveTextContent("Found Acme Inc");
    expect(find("PUT /api/v1/integrations/psa")).toHaveLength(0);
  });

  it("removes the connection after confirming", async () => {
    const { find } = fakeServer({ settings: () => savedConnectWise() });
    const u = userEvent.setup();
    renderPage();
    await u.click(await screen.findByRole("button", { name: "Remove connection" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove the PSA connection?" });
    await u.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect(await screen.findByText("PSA connection removed.")).toBeInTheDocument();
    expect(find("DELETE /api/v1/integrations/psa")).toHaveLength(1);
  });

  it("shows what a team inherits, and saves the team's own connection with its team_id", async () => {
    const { find } = fakeServer({
      settings: (teamId) => (teamId ? { ...savedConnectWise(), inherited: true, team_id: null } : savedConnectWise()),
    });
    const u = userEvent.setup();
    renderPage();
    await screen.findByRole("option", { name: "Team: Network" });
    await u.selectOptions(screen.getByRole("combobox", { name: "Scope" }), "Team: Network");
    const inherited = await screen.findByTestId("psa-inherited");
    expect(within(inherited).getByRole("heading", { name: "Inherits the account default" })).toBeInTheDocument();
    await u.click(within(inherited).getByRole("button", { name: "Give this team its own connection" }));
    // Non-secret choices carry over; the account's keys do not.
    expect(screen.getByLabelText("Company ID")).toHaveValue("acme");
    expect(screen.getByLabelText("Private key")).not.toHaveAttribute("placeholder", "••••••••  (saved)");
    await u.type(screen.getByLabelText("Private key"), "team-key");
    await u.click(screen.getByRole("button", { name: "Save team connection" }));
    await waitFor(() => expect(find("PUT /api/v1/integrations/psa")).toHaveLength(1));
    const put = find("PUT /api/v1/integrations/psa")[0]!;
    expect(put.query.get("team_id")).toBe(TEAM_ID);
    expect(put.body).toMatchObject({ provider: "connectwise", private_key: "team-key" });
  });
});

describe("PSA settings: members", () => {
  it("maps a person by hand with PUT member_id, shows match badges and the unmapped count", async () => {
    const { find } = fakeServer({ settings: () => savedConnectWise() });
    const u = userEvent.setup();
    renderPage("/settings/psa?tab=members");
    const table = await screen.findByRole("table", { name: "Member mapping" });
    expect(screen.getByTestId("psa-unmapped-count")).toHaveTextContent("1 person not mapped.");
    expect(within(table).getByText("matched by email")).toBeInTheDocument();

    await u.click(screen.getByRole("checkbox", { name: "Show only unmapped people" }));
    expect(screen.getAllByTestId("psa-member-row")).toHaveLength(1);
    await u.click(screen.getByRole("checkbox", { name: "Show only unmapped people" }));

    await u.selectOptions(screen.getByRole("combobox", { name: "PSA member for Sam Engineer" }), "m2");
    await waitFor(() => expect(find("PUT /api/v1/integrations/psa/members/00000000-0000-0000-0000-000000000002")).toHaveLength(1));
    expect(find("PUT /api/v1/integrations/psa/members/00000000-0000-0000-0000-000000000002")[0]!.body).toEqual({ member_id: "m2" });
    expect(await screen.findByText("set by hand")).toBeInTheDocument();
    expect(screen.getByTestId("psa-unmapped-count")).toHaveTextContent("Everyone is mapped.");

    await u.selectOptions(screen.getByRole("combobox", { name: "PSA member for Lee Lead" }), "Not mapped");
    await waitFor(() => expect(find(`PUT /api/v1/integrations/psa/members/${TEAM_ADMIN.id}`)).toHaveLength(1));
    expect(find(`PUT /api/v1/integrations/psa/members/${TEAM_ADMIN.id}`)[0]!.body).toEqual({ member_id: null });
  });

  it("says to connect first on 409, and shows the PSA's message with a retry on 502", async () => {
    fakeServer({
      members: () =>
        json(409, {
          type: "https://resolutionflow.dev/problems/psa-not-configured",
          title: "No PSA is connected",
          status: 409,
          detail: "Connect a PSA first; then its members can be mapped.",
        }),
    });
    const u = userEvent.setup();
    renderPage("/settings/psa?tab=members");
    expect(await screen.findByText("Connect a PSA first")).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Go to the connection" }));
    expect(await screen.findByRole("tab", { name: "Settings", selected: true })).toBeInTheDocument();

    vi.unstubAllGlobals();
    queryClient.clear();
    let failing = true;
    fakeServer({
      settings: () => savedConnectWise(),
      members: () =>
        failing
          ? json(502, {
              type: "https://resolutionflow.dev/problems/psa-error",
              title: "The PSA did not answer as expected",
              status: 502,
              detail: "ConnectWise refused the keys (401).",
              errors: [{ kind: "credentials", msg: "ConnectWise refused the keys (401)." }],
            })
          : json(200, membersOf()),
    });
    await u.click(screen.getByRole("tab", { name: "Members" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("ConnectWise refused the keys (401).");
    failing = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("table", { name: "Member mapping" })).toBeInTheDocument();
  });
});

describe("PSA settings: activity", () => {
  it("lists pushes, links to the session, filters by state and retries a failed push", async () => {
    let retried = false;
    const { find } = fakeServer({
      settings: () => savedConnectWise(),
      activity: (q) => {
        if (q.get("cursor") === "next") return json(200, { items: [push({ id: "p3", session_title: "Older one", state: "sent", sent_at: "2026-01-01T00:00:00Z" })], next_cursor: null });
        const items = [push({ state: retried ? "queued" : "failed" }), push({ id: "p2", session_id: "s2", session_title: "VPN down", state: "sent", sent_at: "2026-02-01T10:01:00Z", last_error: "" })];
        const state = q.get("state");
        return json(200, { items: state ? items.filter((i) => i.state === state) : items, next_cursor: state ? null : "next" });
      },
    });
    const u = userEvent.setup();
    renderPage("/settings/psa?tab=activity");
    const table = await screen.findByRole("table", { name: "PSA activity" });
    expect(within(table).getByRole("link", { name: "Printer offline" })).toHaveAttribute("href", "/sessions/s1");
    expect(within(table).getByText("The PSA did not answer (timeout).")).toBeInTheDocument();

    await u.click(screen.getByRole("button", { name: "Load more" }));
    expect(await within(table).findByText("Older one")).toBeInTheDocument();

    const failedRow = screen.getAllByTestId("psa-push-row").find((r) => r.dataset.state === "failed")!;
    retried = true;
    await u.click(within(failedRow).getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("The push is queued again.")).toBeInTheDocument();
    expect(find("POST /api/v1/psa/pushes/p1/retry")).toHaveLength(1);
    // The list is fetched again after the retry.
    await waitFor(() => expect(screen.getAllByTestId("psa-push-row").some((r) => r.dataset.state === "queued")).toBe(true));

    await u.selectOptions(screen.getByLabelText("State"), "Sent");
    await waitFor(() => expect(screen.getAllByTestId("psa-push-row").every((r) => r.dataset.state === "sent")).toBe(true));
    expect(find("GET /api/v1/integrations/psa/activity").some((c) => c.query.get("state") === "sent")).toBe(true);
  });

  it("has an empty state", async () => {
    fakeServer({ settings: () => savedConnectWise() });
    renderPage("/settings/psa?tab=activity&state=failed");
    expect(await screen.findByText("No failed pushes")).toBeInTheDocument();
  });
});
