import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, ME_ID, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

type Obj = Record<string, unknown>;
const FLOW = "f0000000-0000-0000-0000-000000000001";
const LIST = "10000000-0000-0000-0000-000000000001";
const SCHEDULE = "50000000-0000-0000-0000-000000000001";
const BATCH = "b0000000-0000-0000-0000-000000000001";
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

function schedule(over: Obj = {}): Obj {
  return {
    id: SCHEDULE,
    title: "Monthly patching — Fabrikam",
    flow_id: FLOW,
    flow_title: "Monthly server patching",
    target_list_id: LIST,
    target_list_name: "Fabrikam servers",
    cron: "0 21 * * 3",
    timezone: "Europe/London",
    assignment: "user",
    assignee_user_id: ME_ID,
    team_id: null,
    active: true,
    missed: "run_once",
    overdue: "start",
    client_tickets: {},
    next_runs: [days(2), days(9)],
    last_slot_at: null,
    last_batch: { id: BATCH, status: "running", created_at: days(-5) },
    is_overdue: true,
    created_at: days(-30),
    ...over,
  };
}

function fakeServer(opts: { create?: (body: Obj) => Response | undefined; preview?: (body: Obj) => Response | undefined; schedules?: Obj[] } = {}) {
  const schedules = opts.schedules ?? [schedule()];
  const patches: Obj[] = [];
  const created: Obj[] = [];
  const runs: string[] = [];
  stubApi(fakeUser(), async ({ input, route }) => {
    if (route === "GET /api/v1/maintenance/schedules") return json(200, { items: schedules });
    if (route === "GET /api/v1/maintenance/schedules/agenda") {
      return json(200, { items: schedules.length ? [{ schedule_id: SCHEDULE, title: "Monthly patching — Fabrikam", at: days(2) }, { schedule_id: SCHEDULE, title: "Monthly patching — Fabrikam", at: days(9) }] : [] });
    }
    if (route === "POST /api/v1/schedules/preview") {
      const body = (await input.json()) as Obj;
      const answer = opts.preview?.(body);
      if (answer) return answer;
      return json(200, { cron: body.cron, timezone: body.timezone, next_runs: [days(1), days(8), days(15), days(22), days(29)], next_runs_local: [] });
    }
    if (route === "POST /api/v1/maintenance/schedules") {
      const body = (await input.json()) as Obj;
      created.push(body);
      return opts.create?.(body) ?? json(201, schedule({ ...body, id: "new", title: body.title ?? "New" }));
    }
    if (route === `PATCH /api/v1/maintenance/schedules/${SCHEDULE}`) {
      const body = (await input.json()) as Obj;
      patches.push(body);
      Object.assign(schedules[0]!, body);
      return json(200, schedules[0]);
    }
    if (route === `POST /api/v1/maintenance/schedules/${SCHEDULE}/run`) {
      runs.push(SCHEDULE);
      return json(201, { id: BATCH, title: "Monthly patching — Fabrikam", status: "running", items: [], counts: { total: 0 } });
    }
    if (route === "GET /api/v1/flows") return json(200, { items: [{ id: FLOW, title: "Monthly server patching", kind: "maintenance", latest_version: 3, archived: false }], next_cursor: null });
    if (route === "GET /api/v1/target-lists") return json(200, { items: [{ id: LIST, name: "Fabrikam servers", target_count: 3, clients: ["Fabrikam"], team_id: null }], next_cursor: null });
    if (route === "GET /api/v1/teams") return json(200, { items: [] });
    if (route.startsWith("GET /api/v1/maintenance/batches/")) return json(200, { id: BATCH, title: "x", status: "running", items: [], counts: { total: 0, pending: 0, in_progress: 0, done: 0, skipped: 0, failed: 0, escalated: 0 }, assignment: "user", flow_version: 1, flow_title: "F" });
  });
  return { patches, created, runs };
}

resetAppBetweenTests();

describe("Maintenance schedules", () => {
  it("lists schedules with cron, zone, next run, overdue warning and last batch, and the agenda by day", async () => {
    fakeServer();
    renderApp("/maintenance");
    const row = await screen.findByTestId("maintenance-schedule");
    expect(row).toHaveTextContent("Monthly patching — Fabrikam");
    expect(row).toHaveTextContent("0 21 * * 3");
    expect(row).toHaveTextContent("Europe/London");
    expect(row).toHaveTextContent("Overdue");
    expect(within(row).getByRole("link", { name: "Running" })).toHaveAttribute("href", `/maintenance/batches/${BATCH}`);
    const agenda = await screen.findByRole("list", { name: "Agenda" });
    expect(within(agenda).getAllByTestId("agenda-day")).toHaveLength(2);
    expect(screen.getByRole("navigation", { name: "Maintenance" })).toBeInTheDocument();
  });

  it("pauses and resumes", async () => {
    const { patches } = fakeServer();
    const { u } = renderApp("/maintenance");
    const row = await screen.findByTestId("maintenance-schedule");
    await u.click(within(row).getByRole("button", { name: /^Pause/ }));
    await waitFor(() => expect(patches).toEqual([{ active: false }]));
    expect(await screen.findByText("Monthly patching — Fabrikam paused.")).toBeInTheDocument();
  });

  it("runs now and opens the new batch", async () => {
    const { runs } = fakeServer();
    const { u, router } = renderApp("/maintenance");
    const row = await screen.findByTestId("maintenance-schedule");
    await u.click(within(row).getByRole("button", { name: /^Run now/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/maintenance/batches/${BATCH}`));
    expect(runs).toEqual([SCHEDULE]);
  });

  it("creates a schedule: next runs previewed, a bad cron said next to the field, then saved", async () => {
    const { created } = fakeServer({
      schedules: [],
      preview: (body) =>
        body.cron === "61 * * * *"
          ? json(422, { title: "Validation failed", status: 422, detail: "", errors: [{ loc: ["body", "cron"], msg: "Minute 61 is out of range (0-59)." }] })
          : undefined,
    });
    const { u } = renderApp("/maintenance");
    expect(await screen.findByText("No maintenance schedules yet")).toBeInTheDocument();
    await u.click(screen.getAllByRole("button", { name: "New schedule" })[0]!);
    const dialog = screen.getByRole("dialog", { name: "New maintenance schedule" });
    expect(await within(dialog).findByTestId("cron-preview")).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByTestId("cron-preview").querySelectorAll("li")).toHaveLength(5));

    const cron = within(dialog).getByLabelText("Cron");
    await u.clear(cron);
    await u.type(cron, "61 * * * *");
    await waitFor(() => expect(cron).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getAllByText("Minute 61 is out of range (0-59).").length).toBeGreaterThan(0);

    await u.clear(cron);
    await u.type(cron, "0 6 * * 1");
    await within(dialog).findByRole("option", { name: /Monthly server patching/ });
    await u.selectOptions(within(dialog).getByLabelText("Flow"), FLOW);
    await within(dialog).findByRole("option", { name: /Fabrikam servers/ });
    await u.selectOptions(within(dialog).getByLabelText("Target list"), LIST);
    await u.click(within(dialog).getByLabelText("Skip it"));
    await u.click(within(dialog).getByRole("button", { name: "Create schedule" }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ flow_id: FLOW, target_list_id: LIST, cron: "0 6 * * 1", missed: "skip", overdue: "start", assignment: "user", assignee_user_id: ME_ID, active: true });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("shows the server's 422 next to the field it names", async () => {
    fakeServer({
      schedules: [],
      create: () =>
        json(422, { title: "Validation failed", status: 422, detail: "", errors: [{ loc: ["body", "target_list_id"], msg: "Value error, The list is empty." }] }),
    });
    const { u } = renderApp("/maintenance");
    await u.click((await screen.findAllByRole("button", { name: "New schedule" }))[0]!);
    const dialog = screen.getByRole("dialog", { name: "New maintenance schedule" });
    await within(dialog).findByRole("option", { name: /Monthly server patching/ });
    await u.selectOptions(within(dialog).getByLabelText("Flow"), FLOW);
    await within(dialog).findByRole("option", { name: /Fabrikam servers/ });
    await u.selectOptions(within(dialog).getByLabelText("Target list"), LIST);
    await u.click(within(dialog).getByRole("button", { name: "Create schedule" }));
    const list = within(dialog).getByLabelText("Target list");
    await waitFor(() => expect(list).toHaveAttribute("aria-invalid", "true"));
    expect(within(dialog).getByText("The list is empty.")).toBeInTheDocument();
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
  });

  it("asks for the flow and list before sending", async () => {
    const { created } = fakeServer({ schedules: [] });
    const { u } = renderApp("/maintenance");
    await u.click((await screen.findAllByRole("button", { name: "New schedule" }))[0]!);
    const dialog = screen.getByRole("dialog", { name: "New maintenance schedule" });
    await u.click(within(dialog).getByRole("button", { name: "Create schedule" }));
    expect(within(dialog).getByText("Choose the flow to run.")).toBeInTheDocument();
    expect(within(dialog).getByText("Choose the target list.")).toBeInTheDocument();
    expect(created).toEqual([]);
  });
});
