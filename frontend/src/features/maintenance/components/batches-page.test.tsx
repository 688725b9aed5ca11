import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

type Obj = Record<string, unknown>;
const SCHEDULE = "50000000-0000-0000-0000-000000000001";
const counts = (over: Obj = {}) => ({ total: 6, pending: 1, in_progress: 1, done: 3, skipped: 1, failed: 0, escalated: 0, ...over });
const summary = (id: string, status: string, over: Obj = {}): Obj => ({
  id,
  title: `Batch ${id}`,
  status,
  flow_id: "f",
  flow_title: "Monthly server patching",
  flow_version: 3,
  target_list_id: null,
  schedule_id: null,
  slot_at: null,
  assignment: "user",
  assignee_user_id: null,
  team_id: null,
  counts: counts(),
  created_at: "2026-12-01T21:00:00Z",
  completed_at: null,
  ...over,
});

function fakeServer(opts: { me?: object; fail?: boolean } = {}) {
  const asked: string[] = [];
  stubApi(opts.me ?? fakeUser(), ({ url, route }) => {
    if (route === "GET /api/v1/maintenance/batches") {
      asked.push(url.search);
      if (opts.fail) return json(500, { title: "Server error", status: 500, detail: "boom" });
      const status = url.searchParams.get("status");
      const all = [summary("b1", "running", { counts: counts({ escalated: 1, pending: 0 }) }), summary("b2", "completed", { schedule_id: SCHEDULE })];
      return json(200, { items: all.filter((b) => !status || b.status === status), next_cursor: null });
    }
    if (route === "GET /api/v1/maintenance/schedules") return json(200, { items: [{ id: SCHEDULE, title: "Weekly backups" }] });
  });
  return { asked };
}

resetAppBetweenTests();

describe("Batches", () => {
  it("lists batches with their progress, running first, and filters by status", async () => {
    const { asked } = fakeServer();
    const { u, router } = renderApp("/maintenance/batches");
    const table = await screen.findByRole("table", { name: "Batches" });
    const rows = within(table).getAllByTestId("batch-row");
    expect(rows.map((r) => r.dataset.status)).toEqual(["running", "completed"]);
    expect(within(rows[0]!).getByRole("link", { name: "Batch b1" })).toHaveAttribute("href", "/maintenance/batches/b1");
    expect(within(rows[0]!).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "4");
    expect(rows[0]).toHaveTextContent("1 escalated");
    expect(rows[1]).toHaveTextContent("scheduled");
    await u.click(screen.getByRole("tab", { name: "Completed" }));
    expect(router.state.location.search).toBe("?status=completed");
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Batches" })).getAllByTestId("batch-row")).toHaveLength(1));
    await u.click(screen.getByRole("tab", { name: "Cancelled" }));
    expect(await screen.findByText("No cancelled batches")).toBeInTheDocument();
    expect(asked).toEqual(["?limit=50", "?status=completed&limit=50", "?status=cancelled&limit=50"]);
  });

  it("shows one schedule's batches, and how to see them all", async () => {
    const { asked } = fakeServer();
    renderApp(`/maintenance/batches?schedule=${SCHEDULE}`);
    await waitFor(() => expect(screen.getByTestId("schedule-filter")).toHaveTextContent("Batches of Weekly backups"));
    expect(screen.getByRole("link", { name: "Show every batch" })).toHaveAttribute("href", "/maintenance/batches");
    await waitFor(() => expect(asked).toContain(`?schedule_id=${SCHEDULE}&limit=50`));
  });

  it("offers engineers to launch a batch, not viewers", async () => {
    fakeServer();
    renderApp("/maintenance/batches");
    expect(await screen.findByRole("link", { name: "Launch a batch" })).toHaveAttribute("href", "/maintenance/batches/new");
  });

  it("viewers read but don't launch", async () => {
    fakeServer({ me: fakeUser({ role: "viewer" }) });
    renderApp("/maintenance/batches");
    await screen.findByRole("table", { name: "Batches" });
    expect(screen.queryByRole("link", { name: "Launch a batch" })).toBeNull();
  });

  it("shows an error with Try again", async () => {
    fakeServer({ fail: true });
    renderApp("/maintenance/batches");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the batches");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
