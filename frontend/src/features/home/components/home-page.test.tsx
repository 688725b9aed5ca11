import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, fakeLead, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const NOW = new Date().toISOString();
const empty = { items: [], total: 0 };
const figures = (over: Record<string, unknown> = {}) => ({ sessions: 0, resolved: 0, resolution_rate: null, median_active_seconds: null, ...over });

/** The body of GET /api/v1/home for `role` with nothing in it; `over` fills sections in. */
function fakeHome(role: string, over: Record<string, unknown> = {}) {
  const engineer = role !== "viewer";
  const admin = role === "team_admin" || role === "super_admin";
  return {
    role,
    generated_at: NOW,
    sessions: engineer ? empty : null,
    handoffs: engineer ? { ...empty, account_waiting: admin ? 0 : null } : null,
    maintenance: engineer ? { batches: [], batches_total: 0, upcoming: [], upcoming_total: 0, upcoming_days: 7 } : null,
    my_week: engineer ? { ...figures(), since: NOW } : null,
    team_health: admin
      ? {
          this_week_since: NOW,
          last_week_since: NOW,
          teams_total: 0,
          rows: [{ scope: "account", team_id: null, name: "Whole account", this_week: { ...figures(), escalations: 0 }, last_week: { ...figures(), escalations: 0 } }],
        }
      : null,
    proposals: admin ? empty : null,
    step_flags: admin ? empty : null,
    failed_pushes: admin ? empty : null,
    failed_jobs: admin ? empty : null,
    flows: engineer ? null : empty,
    ...over,
  };
}

function serve(me: object, answer: () => Response | Promise<Response>) {
  const calls: string[] = [];
  stubApi(me, async ({ route }) => {
    if (route === "GET /api/v1/notifications") return json(200, { items: [], unread: 0, next_cursor: null });
    if (route === "GET /api/v1/home") {
      calls.push(route);
      return answer();
    }
  });
  return calls;
}

const region = (name: string) => screen.findByRole("region", { name });

const SESSION = {
  id: "s1",
  title: "Outlook will not start",
  status: "paused",
  flow_id: "f1",
  flow_title: "Outlook troubleshooting",
  ticket_id: "T-42",
  active_seconds: 600,
  updated_at: NOW,
};

resetAppBetweenTests();

describe("Home", () => {
  it("an engineer sees their sessions with Resume, handoffs, maintenance and their week, and no admin cards", async () => {
    serve(fakeUser(), () =>
      json(
        200,
        fakeHome("engineer", {
          sessions: { items: [SESSION, { ...SESSION, id: "s2", title: "VPN drops", status: "active", flow_title: null, ticket_id: null }], total: 12 },
          handoffs: {
            items: [
              {
                id: "h1",
                session_id: "s9",
                problem_summary: "Printer queue stuck",
                reason: "Needs a senior",
                priority: "urgent",
                escalated_at: NOW,
                escalated_by_name: "Sam Junior",
                target_name: "the Network team",
                you_may_claim: "yes",
              },
            ],
            total: 1,
            account_waiting: null,
          },
          maintenance: {
            batches: [{ id: "b1", title: "December patching", flow_title: "Patch", slot_at: null, created_at: NOW, assigned_to_you: 2, open_in_pool: 1, total: 6 }],
            batches_total: 1,
            upcoming: [{ schedule_id: "sc1", title: "Weekly backup check", at: NOW }],
            upcoming_total: 1,
            upcoming_days: 7,
          },
          my_week: { sessions: 5, resolved: 3, resolution_rate: 0.6, median_active_seconds: 600, since: NOW },
        }),
      ),
    );
    renderApp("/");

    const sessions = await region("Your sessions");
    const resume = within(sessions).getByRole("link", { name: "Resume Outlook will not start" });
    expect(resume).toHaveAttribute("href", "/sessions/s1");
    expect(within(sessions).getByRole("link", { name: "Resume VPN drops" })).toHaveAttribute("href", "/sessions/s2");
    expect(within(sessions).getAllByTestId("home-session")[0]).toHaveTextContent(/Paused.*Outlook troubleshooting · #T-42 · 10 min/);
    expect(within(sessions).getByText(/Showing 2 of 12/)).toBeInTheDocument();

    const handoffs = await region("Handoffs waiting");
    expect(within(handoffs).getByRole("link", { name: "Printer queue stuck" })).toHaveAttribute("href", "/handoffs/h1");
    expect(within(handoffs).getByTestId("home-handoff")).toHaveTextContent("From Sam Junior");
    expect(within(handoffs).getByTestId("home-handoff")).toHaveTextContent("for the Network team");
    expect(within(handoffs).queryByTestId("home-account-waiting")).toBeNull();

    const maintenance = await region("Maintenance");
    expect(within(maintenance).getByRole("link", { name: "December patching" })).toHaveAttribute("href", "/maintenance/batches/b1");
    expect(within(maintenance).getByTestId("home-my-batches")).toHaveTextContent("2 of yours to do · 1 open in your team's pool · 6 targets");
    expect(within(maintenance).getByTestId("home-upcoming")).toHaveTextContent("Weekly backup check");

    const week = await region("Your last 7 days");
    expect(within(week).getByText("60%")).toBeInTheDocument();
    expect(within(week).getByText("10 min")).toBeInTheDocument();

    for (const name of ["Team health", "Proposals to review", "Step flags", "Failed PSA pushes", "Failed jobs", "Recently published flows"]) {
      expect(screen.queryByRole("region", { name })).toBeNull();
    }
  });

  it("tells an engineer with nothing open what to do next", async () => {
    serve(fakeUser(), () => json(200, fakeHome("engineer")));
    renderApp("/");
    const sessions = await region("Your sessions");
    expect(sessions).toHaveTextContent("No open sessions — start one from Flows.");
    expect(within(sessions).getByRole("link", { name: "Flows" })).toHaveAttribute("href", "/flows");
    expect(await region("Handoffs waiting")).toHaveTextContent("Nothing is waiting for you or your teams.");
    expect(await region("Maintenance")).toHaveTextContent("Nothing due");
    expect(await region("Your last 7 days")).toHaveTextContent("No sessions in the last 7 days — start one from Flows.");
  });

  it("a team admin also sees team health against last week and the account's queues, each linking through", async () => {
    serve(fakeLead(), () =>
      json(
        200,
        fakeHome("team_admin", {
          handoffs: { items: [], total: 0, account_waiting: 4 },
          team_health: {
            this_week_since: NOW,
            last_week_since: NOW,
            teams_total: 1,
            rows: [
              {
                scope: "account",
                team_id: null,
                name: "Whole account",
                this_week: { sessions: 8, resolved: 5, resolution_rate: 0.625, median_active_seconds: 600, escalations: 3 },
                last_week: { sessions: 4, resolved: 3, resolution_rate: 0.75, median_active_seconds: 1000, escalations: 1 },
              },
              {
                scope: "team",
                team_id: "t1",
                name: "Network",
                this_week: { sessions: 0, resolved: 0, resolution_rate: null, median_active_seconds: null, escalations: 0 },
                last_week: { sessions: 2, resolved: 2, resolution_rate: 1, median_active_seconds: 1500, escalations: 1 },
              },
            ],
          },
          proposals: {
            items: [{ id: "p1", kind: "new_flow", title: "Teams won't sign in", confidence: 0.7, evidence_count: 5, can_review: true, updated_at: NOW }],
            total: 14,
          },
          step_flags: {
            items: [{ id: "fl1", step_id: "st1", step_title: "Clear the credential", reason: "Path moved", reporter_name: "Erin", may_close: true, created_at: NOW }],
            total: 1,
          },
          failed_pushes: {
            items: [{ id: "pu1", session_id: "s5", session_title: "Scanner offline", provider: "connectwise", ticket_id: "1001", last_error: "The ticket is closed", created_at: NOW }],
            total: 1,
          },
          failed_jobs: {
            items: [
              { id: "j1", kind: "notify.email", title: "Email", description: "to sam@example.com", state: "dead", attempts: 5, max_attempts: 5, last_error: "SMTP refused", updated_at: NOW },
            ],
            total: 1,
          },
        }),
      ),
    );
    renderApp("/");

    const health = await region("Team health");
    const [account, team] = within(health).getAllByTestId("home-health-row");
    expect(within(account!).getByRole("rowheader")).toHaveTextContent("Whole account");
    expect(account).toHaveTextContent("8+4 vs 4");
    expect(account).toHaveTextContent("63%−12 pts vs 75%");
    expect(account).toHaveTextContent("10 min−6 min vs 16 min");
    expect(team).toHaveTextContent("Network");
    expect(team).toHaveTextContent("—was 100%");

    expect(await region("Handoffs waiting")).toHaveTextContent("4 handoffs waiting for pickup in the account.");
    const proposals = await region("Proposals to review");
    expect(within(proposals).getByRole("link", { name: "Teams won't sign in" })).toHaveAttribute("href", "/proposals/p1");
    expect(within(proposals).getByText(/Showing 1 of 14/)).toBeInTheDocument();
    expect(within(proposals).getByRole("link", { name: "Review queue" })).toHaveAttribute("href", "/proposals");
    const flags = await region("Step flags");
    expect(within(flags).getByRole("link", { name: "Clear the credential" })).toHaveAttribute("href", "/steps/st1");
    const pushes = await region("Failed PSA pushes");
    expect(within(pushes).getByRole("link", { name: "Scanner offline" })).toHaveAttribute("href", "/sessions/s5");
    expect(within(pushes).getByRole("link", { name: "PSA activity" })).toHaveAttribute("href", "/settings/psa?tab=activity&state=failed");
    expect(pushes).toHaveTextContent("The ticket is closed");
    const jobs = await region("Failed jobs");
    expect(jobs).toHaveTextContent("Dead");
    expect(jobs).toHaveTextContent("SMTP refused");
    expect(within(jobs).getByRole("link", { name: "Jobs" })).toHaveAttribute("href", "/admin/jobs");
    // The admin's own work is there too.
    expect(await region("Your sessions")).toBeInTheDocument();
  });

  it("says so when a team admin's queues are empty, and that an account without teams is shown whole", async () => {
    serve(fakeLead(), () => json(200, fakeHome("team_admin")));
    renderApp("/");
    expect(await region("Team health")).toHaveTextContent("No teams yet, so these are the whole account's figures.");
    expect(await region("Proposals to review")).toHaveTextContent("No proposals waiting.");
    expect(await region("Step flags")).toHaveTextContent("No open step flags.");
    expect(await region("Failed PSA pushes")).toHaveTextContent("No failed PSA pushes");
    expect(await region("Failed jobs")).toHaveTextContent("No failed jobs");
    expect(await region("Handoffs waiting")).toHaveTextContent("No handoff waits for pickup in the account.");
  });

  it("a viewer gets a read-only Home: the newest flows, no session actions", async () => {
    serve(fakeUser({ role: "viewer", name: "Vic Viewer" }), () =>
      json(
        200,
        fakeHome("viewer", {
          flows: { items: [{ id: "f1", title: "VPN won't connect", kind: "troubleshooting", category: "Network", version: 3, published_at: NOW }], total: 1 },
        }),
      ),
    );
    renderApp("/");
    const flows = await region("Recently published flows");
    expect(within(flows).getByRole("link", { name: "VPN won't connect" })).toHaveAttribute("href", "/flows/f1");
    expect(flows).toHaveTextContent("Network · version 3");
    expect(screen.queryByRole("region", { name: "Your sessions" })).toBeNull();
    expect(screen.queryByRole("link", { name: /^Resume/ })).toBeNull();
    expect(screen.queryByRole("region", { name: "Team health" })).toBeNull();
  });

  it("tells a viewer when nothing is published yet", async () => {
    serve(fakeUser({ role: "viewer" }), () => json(200, fakeHome("viewer")));
    renderApp("/");
    expect(await region("Recently published flows")).toHaveTextContent("No published flows yet.");
  });

  it("shows skeletons while loading, then the cards", async () => {
    const hold = deferred<Response>();
    serve(fakeUser(), () => hold.promise);
    renderApp("/");
    expect(await screen.findByRole("status", { name: /Loading your Home/ })).toBeInTheDocument();
    expect(screen.getAllByTestId("home-skeleton")).toHaveLength(4);
    expect(screen.queryByRole("region", { name: "Your sessions" })).toBeNull();
    hold.resolve(json(200, fakeHome("engineer")));
    expect(await region("Your sessions")).toBeInTheDocument();
    expect(screen.queryByTestId("home-skeleton")).toBeNull();
  });

  it("shows an error with Try again, which asks again", async () => {
    let fail = true;
    const calls = serve(fakeUser(), () => (fail ? json(500, { title: "Internal Server Error", status: 500, detail: "boom" }) : json(200, fakeHome("engineer"))));
    const { u } = renderApp("/");
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(alert).toHaveTextContent("Couldn't load your Home");
    expect(alert).toHaveTextContent("Something went wrong on our side.");
    // Who you are still shows.
    expect(screen.getByRole("region", { name: "About you" })).toHaveTextContent("Erin Engineer");
    fail = false;
    const before = calls.length;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await region("Your sessions")).toBeInTheDocument();
    await waitFor(() => expect(calls.length).toBeGreaterThan(before));
  });
});
