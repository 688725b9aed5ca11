import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, fakeLead, fakeUser, json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";
import { JOBS_REFRESH_MS, jobsQuery } from "../api/list-jobs";

type Obj = Record<string, unknown>;

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const OTHER_ACCOUNT = "abcdef12-0000-0000-0000-000000000000";

function job(over: Obj = {}): Obj {
  return {
    id: "job-dead",
    account_id: TEAM_ADMIN.account_id,
    kind: "notify.webhook",
    title: "Slack/Teams notice",
    description: "Slack: [high] Escalation: VPN drops every hour",
    state: "dead",
    attempts: 4,
    max_attempts: 4,
    last_error: "The Slack webhook was removed; nothing to send to.",
    run_at: minutes(-6),
    created_at: minutes(-30),
    updated_at: minutes(-5),
    finished_at: minutes(-5),
    ...over,
  };
}

const failedEmail = () =>
  job({
    id: "job-failed",
    kind: "notify.email",
    title: "Email",
    description: "To pat@example.com: [high] Escalation: VPN drops every hour",
    state: "failed",
    attempts: 2,
    max_attempts: 6,
    last_error: "Email to pat@example.com not sent: 451 4.3.0 Mail server temporarily rejected message; please try again later.",
    run_at: new Date(Date.now() + 125_000).toISOString(),
    updated_at: minutes(-1),
    finished_at: null,
  });

/** A test's own answer, or undefined to let the fake behave like the server. */
type Answer = Response | undefined | Promise<Response | undefined>;

interface ListCall {
  states: string[];
  cursor: string | null;
  limit: string | null;
}

/**
 * The jobs API over an in-memory list: GET filters by the repeated `state` parameter; POST retry
 * behaves like the server (queued, no attempts, 409 unless failed or dead) unless `retry` answers.
 */
function fakeServer(
  opts: {
    me?: object;
    jobs?: Obj[];
    list?: (call: ListCall) => Answer;
    retry?: (id: string) => Answer;
    schedules?: () => Response;
  } = {},
) {
  const jobs = opts.jobs ?? [job(), failedEmail()];
  const lists: ListCall[] = [];
  const retries: string[] = [];
  stubApi(opts.me ?? TEAM_ADMIN, async ({ url, route }) => {
    if (route === "GET /api/v1/jobs") {
      const call = { states: url.searchParams.getAll("state"), cursor: url.searchParams.get("cursor"), limit: url.searchParams.get("limit") };
      lists.push(call);
      const answer = await opts.list?.(call);
      if (answer) return answer;
      return json(200, { items: jobs.filter((j) => call.states.length === 0 || call.states.includes(String(j.state))), next_cursor: null });
    }
    const retry = route.match(/^POST \/api\/v1\/jobs\/([^/]+)\/retry$/);
    if (retry) {
      const id = retry[1]!;
      retries.push(id);
      const answer = await opts.retry?.(id);
      if (answer) return answer;
      const found = jobs.find((j) => j.id === id);
      if (!found) return json(404, { title: "Not found", status: 404, detail: `No job with id ${id}.` });
      if (found.state !== "failed" && found.state !== "dead") {
        return json(409, { title: "Conflict", status: 409, detail: `Only a failed or dead job can be retried; this one is ${found.state}.` });
      }
      Object.assign(found, { state: "queued", attempts: 0, run_at: new Date().toISOString(), updated_at: new Date().toISOString(), finished_at: null });
      return json(200, found);
    }
    if (route === "GET /api/v1/schedules") return opts.schedules?.() ?? json(200, []);
  });
  return { jobs, lists, retries };
}

const jobsTable = () => screen.findByRole("table", { name: "Jobs" });
const rowOf = async (id: string) => {
  const table = await jobsTable();
  return (await within(table).findAllByTestId("job-row")).find((r) => r.dataset.jobId === id)!;
};

resetAppBetweenTests();

describe("Jobs page", () => {
  it("lists what needs attention: failed and dead jobs with their state, attempts, full error and when", async () => {
    const { lists } = fakeServer();
    renderApp("/admin/jobs");
    expect(await screen.findByRole("heading", { name: "Jobs" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Needs attention" })).toHaveAttribute("aria-selected", "true");

    const dead = await rowOf("job-dead");
    expect(dead).toHaveAttribute("data-state", "dead");
    expect(within(dead).getByText("Slack/Teams notice")).toBeInTheDocument();
    expect(within(dead).getByText("Slack: [high] Escalation: VPN drops every hour")).toBeInTheDocument();
    expect(within(dead).getByTestId("job-state")).toHaveTextContent("Dead");
    expect(within(dead).getByTestId("job-attempts")).toHaveTextContent("4 of 4");
    expect(within(dead).getByTestId("job-error")).toHaveTextContent("The Slack webhook was removed; nothing to send to.");
    expect(within(dead).getByTestId("job-when")).toHaveTextContent("failed 5 min ago");
    expect(within(dead).getByRole("button", { name: "Retry" })).toBeEnabled();

    const failed = await rowOf("job-failed");
    expect(within(failed).getByTestId("job-state")).toHaveTextContent("Retrying");
    expect(within(failed).getByTestId("job-attempts")).toHaveTextContent("2 of 6");
    // The whole error, not an ellipsis.
    expect(within(failed).getByTestId("job-error")).toHaveTextContent(
      "Email to pat@example.com not sent: 451 4.3.0 Mail server temporarily rejected message; please try again later.",
    );
    expect(within(failed).getByTestId("job-when")).toHaveTextContent("retries in 2 min");
    expect(within(failed).getByRole("button", { name: "Retry" })).toBeInTheDocument();

    // A team admin's jobs are all their own account's: no account column.
    expect(within(await jobsTable()).queryByRole("columnheader", { name: "Account" })).toBeNull();
    expect(lists[0]).toEqual({ states: ["failed", "dead"], cursor: null, limit: "50" });
  });

  it("retries from the keyboard: 'Retrying…' while it's sent, then the row moves on and the lists refresh", async () => {
    const held = deferred<Response | undefined>();
    let holdNextList = false;
    const nextList = deferred<undefined>();
    const { retries, lists } = fakeServer({
      retry: () => held.promise,
      list: () => (holdNextList ? nextList.promise : undefined),
    });
    const { u } = renderApp("/admin/jobs");
    const row = await rowOf("job-dead");
    const button = within(row).getByRole("button", { name: "Retry" });
    button.focus();
    expect(button).toHaveFocus();
    await u.keyboard("{Enter}");

    const pending = await within(row).findByRole("button", { name: /Retrying…/ });
    expect(pending).toBeDisabled();
    expect(retries).toEqual(["job-dead"]);

    // The server's answer shows in the row at once (queued, no attempts), before the list is back.
    holdNextList = true;
    const before = lists.length;
    held.resolve(undefined);
    await waitFor(() => expect(row).toHaveAttribute("data-state", "queued"));
    expect(within(row).getByTestId("job-state")).toHaveTextContent("Queued");
    expect(within(row).getByTestId("job-attempts")).toHaveTextContent("0 of 4");
    expect(within(row).queryByRole("button", { name: /Retry/ })).toBeNull();
    expect(await screen.findByText("Slack/Teams notice queued to run again.")).toBeInTheDocument();

    // The refreshed "Needs attention" list no longer holds it.
    await waitFor(() => expect(lists.length).toBeGreaterThan(before));
    holdNextList = false;
    nextList.resolve(undefined);
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Jobs" })).getAllByTestId("job-row")).toHaveLength(1));
    expect((await rowOf("job-failed")).dataset.state).toBe("failed");

    await u.click(screen.getByRole("tab", { name: "Queued" }));
    const queued = await rowOf("job-dead");
    expect(queued).toHaveAttribute("data-state", "queued");
    expect(within(queued).getByTestId("job-when")).toHaveTextContent("due now");
  });

  it("shows a 409's detail in the row, as an alert, and keeps the Retry button", async () => {
    fakeServer({
      retry: () =>
        json(409, { type: "https://resolutionflow.dev/problems/conflict", title: "Conflict", status: 409, detail: "Only a failed or dead job can be retried; this one is queued." }),
    });
    const { u } = renderApp("/admin/jobs");
    const row = await rowOf("job-dead");
    await u.click(within(row).getByRole("button", { name: "Retry" }));
    const alert = await within(row).findByRole("alert");
    expect(alert).toHaveTextContent("Only a failed or dead job can be retried; this one is queued.");
    const button = within(row).getByRole("button", { name: "Retry" });
    expect(button).toBeEnabled();
    expect(button.getAttribute("aria-describedby")).toContain(alert.id);
    expect(row).toHaveAttribute("data-state", "dead");
  });

  it("shows a 404's detail too (a job of another account)", async () => {
    fakeServer({ retry: (id) => json(404, { title: "Not found", status: 404, detail: `No job with id ${id}.` }) });
    const { u } = renderApp("/admin/jobs");
    const row = await rowOf("job-failed");
    await u.click(within(row).getByRole("button", { name: "Retry" }));
    expect(await within(row).findByRole("alert")).toHaveTextContent("No job with id job-failed.");
  });

  it("says nothing needs attention when no job failed, and that schedules come from features", async () => {
    fakeServer({ jobs: [] });
    renderApp("/admin/jobs");
    expect(await screen.findByText("Nothing needs attention")).toBeInTheDocument();
    expect(screen.getByText(/emails, Slack\/Teams notices, PSA notes, assessments — is running normally/)).toBeInTheDocument();
    const schedules = screen.getByRole("region", { name: "Schedules" });
    expect(await within(schedules).findByText("No schedules yet")).toBeInTheDocument();
    expect(within(schedules).getByText(/created by maintenance and knowledge features/)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Jobs" })).toBeNull();
  });

  it("shows an error with Try again when the list can't be loaded", async () => {
    let fail = true;
    fakeServer({ list: () => (fail ? json(500, { title: "Server error", status: 500, detail: "boom" }) : undefined) });
    const { u } = renderApp("/admin/jobs");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the jobs");
    fail = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await rowOf("job-dead")).toBeInTheDocument();
  });

  it("asks for each tab's states (by click and by arrow keys) and keeps the tab in the URL", async () => {
    const { lists } = fakeServer({ jobs: [] });
    const { u, router } = renderApp("/admin/jobs");
    expect(await screen.findByText("Nothing needs attention")).toBeInTheDocument();

    await u.click(screen.getByRole("tab", { name: "Queued" }));
    expect(await screen.findByText("Nothing queued")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?tab=queued");
    expect(screen.getByRole("tab", { name: "Queued" })).toHaveAttribute("aria-selected", "true");

    await u.keyboard("{ArrowRight}");
    expect(await screen.findByText("Nothing running right now")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Running" })).toHaveFocus();

    await u.click(screen.getByRole("tab", { name: "Done" }));
    expect(await screen.findByText("No finished jobs yet")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?tab=done");

    await u.click(screen.getByRole("tab", { name: "Needs attention" }));
    await waitFor(() => expect(router.state.location.search).toBe(""));

    expect(lists.map((c) => c.states)).toEqual([["failed", "dead"], ["queued"], ["running"], ["succeeded"]]);
  });

  it("opens a tab from the URL", async () => {
    const { lists } = fakeServer({ jobs: [job({ id: "job-ok", state: "succeeded", attempts: 1, last_error: "" })] });
    renderApp("/admin/jobs?tab=done");
    const row = await rowOf("job-ok");
    expect(within(row).getByTestId("job-state")).toHaveTextContent("Done");
    expect(within(row).getByTestId("job-error")).toHaveTextContent("—");
    expect(within(row).queryByRole("button", { name: "Retry" })).toBeNull();
    expect(lists[0]!.states).toEqual(["succeeded"]);
  });

  it("loads more with the cursor", async () => {
    const { lists } = fakeServer({
      list: (call) =>
        call.cursor === "page-2"
          ? json(200, { items: [failedEmail()], next_cursor: null })
          : json(200, { items: [job()], next_cursor: "page-2" }),
    });
    const { u } = renderApp("/admin/jobs");
    await rowOf("job-dead");
    await u.click(screen.getByRole("button", { name: "Load more" }));
    expect(await rowOf("job-failed")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(lists.at(-1)).toEqual({ states: ["failed", "dead"], cursor: "page-2", limit: "50" });
  });

  it("refreshes the list every 10 seconds (while the page is visible)", () => {
    const options = jobsQuery("attention");
    expect(options.refetchInterval).toBe(JOBS_REFRESH_MS);
    expect(JOBS_REFRESH_MS).toBe(10_000);
    expect(options.refetchIntervalInBackground).toBeFalsy();
  });

  it("shows a super admin each job's account as a short id", async () => {
    fakeServer({ me: fakeLead({ role: "super_admin" }), jobs: [job({ account_id: OTHER_ACCOUNT })] });
    renderApp("/admin/jobs");
    const table = await jobsTable();
    expect(within(table).getByRole("columnheader", { name: "Account" })).toBeInTheDocument();
    const cell = within(await rowOf("job-dead")).getByText("abcdef12");
    expect(cell).toHaveAttribute("title", OTHER_ACCOUNT);
  });

  it("lists the schedules: name, cron, time zone, next run in that zone and how soon, enabled", async () => {
    fakeServer({
      jobs: [],
      schedules: () =>
        json(200, [
          {
            id: "s1",
            owner: "knowledge",
            name: "Nightly knowledge refresh",
            cron: "0 2 * * *",
            timezone: "America/New_York",
            job_kind: "knowledge.refresh",
            misfire: "run_once",
            enabled: true,
            next_run_at: new Date(Date.now() + 3 * 3600_000 + 30_000).toISOString(),
            last_slot_at: null,
          },
          { id: "s2", owner: "maintenance", name: "Weekly cleanup", cron: "0 3 * * 0", timezone: "UTC", job_kind: "maintenance.cleanup", misfire: "skip", enabled: false, next_run_at: null, last_slot_at: null },
        ]),
    });
    renderApp("/admin/jobs");
    const table = await screen.findByRole("table", { name: "Schedules" });
    const [nightly, weekly] = within(table).getAllByTestId("schedule-row");
    expect(nightly).toHaveTextContent("Nightly knowledge refresh");
    expect(nightly).toHaveTextContent("0 2 * * *");
    expect(nightly).toHaveTextContent("America/New_York");
    expect(nightly).toHaveTextContent("in 3 h");
    expect(nightly).toHaveTextContent("Enabled");
    expect(weekly).toHaveAttribute("data-enabled", "false");
    expect(weekly).toHaveTextContent("Paused");
  });

  it("shows an error for the schedules on their own", async () => {
    fakeServer({ schedules: () => json(500, { title: "Server error", status: 500, detail: "boom" }) });
    renderApp("/admin/jobs");
    const schedules = await screen.findByRole("region", { name: "Schedules" });
    expect(await within(schedules).findByRole("alert")).toHaveTextContent("Couldn't load the schedules");
    expect(await rowOf("job-dead")).toBeInTheDocument();
  });
});

describe("Jobs in the sidebar", () => {
  it.each(["viewer", "engineer"])("is not offered to a %s, and the address says they have no access", async (role) => {
    const { lists } = fakeServer({ me: fakeUser({ role }) });
    const { router } = renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Home" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Jobs" })).toBeNull();
    await act(() => router.navigate("/admin/jobs"));
    expect(await screen.findByRole("heading", { name: "You don't have access" })).toBeInTheDocument();
    expect(lists).toEqual([]);
  });

  it("sits beside Audit log for a team admin and opens the page", async () => {
    fakeServer();
    const { u, router } = renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    const links = within(nav).getAllByRole("link").map((l) => l.textContent);
    expect(links.indexOf("Jobs")).toBe(links.indexOf("Audit log") + 1);
    await u.click(within(nav).getByRole("link", { name: "Jobs" }));
    expect(router.state.location.pathname).toBe("/admin/jobs");
    expect(await rowOf("job-dead")).toBeInTheDocument();
  });
});
