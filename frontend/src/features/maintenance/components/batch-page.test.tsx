import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { eventStream, fakeSession, fakeUser, json, markdown, ME_ID, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const BATCH = "44444444-4444-4444-4444-444444444444";
type Obj = Record<string, unknown>;

function item(position: number, label: string, status: string, over: Obj = {}): Obj {
  return {
    id: `item-${position}`,
    position,
    target_id: null,
    label,
    client: position < 2 ? "Fabrikam" : "Contoso",
    fields: {},
    session_id: `5555555${position}-0000-0000-0000-000000000000`,
    status,
    reason: "",
    assignee_id: ME_ID,
    assignee_name: "Erin Engineer",
    active_seconds: 0,
    last_event_type: "step_shown",
    last_event_at: new Date(Date.now() - 120_000).toISOString(),
    ...over,
  };
}

function counts(items: Obj[]) {
  const c: Record<string, number> = { total: items.length, pending: 0, in_progress: 0, done: 0, skipped: 0, failed: 0, escalated: 0 };
  for (const i of items) c[String(i.status)]! += 1;
  return c;
}

function batch(items: Obj[], over: Obj = {}): Obj {
  return {
    id: BATCH,
    title: "December patching",
    status: "running",
    flow_id: "f1",
    flow_title: "Monthly server patching",
    flow_version: 3,
    target_list_id: null,
    schedule_id: null,
    slot_at: null,
    assignment: "user",
    assignee_user_id: ME_ID,
    team_id: null,
    counts: counts(items),
    launched_by_id: ME_ID,
    created_at: "2026-12-01T21:00:00Z",
    completed_at: null,
    items,
    client_tickets: {},
    psa_notes: {},
    ...over,
  };
}

const ITEMS = () => [
  item(0, "FAB-DC01", "done", { active_seconds: 754, last_event_type: "resolved" }),
  item(1, "FAB-FS01", "in_progress", { active_seconds: 125 }),
  item(2, "CON-DC01", "pending"),
  item(3, "CON-SQL01", "skipped", { reason: "Decommissioned" }),
];

function fakeServer(opts: { me?: object; skip?: (body: Obj) => Response | undefined; items?: Obj[] } = {}) {
  let items = opts.items ?? ITEMS();
  const stream = eventStream();
  const skips: Obj[] = [];
  const reports: string[] = [];
  const cancels: Obj[] = [];
  const tickets: Obj[] = [];
  let extra: Obj = {};
  stubApi(opts.me ?? fakeUser(), async ({ input, url, route }) => {
    if (route === `GET /api/v1/maintenance/batches/${BATCH}`) return json(200, batch(items, extra));
    if (route === `POST /api/v1/maintenance/batches/${BATCH}/cancel`) {
      const body = (await input.json()) as Obj;
      cancels.push(body);
      items = items.map((i) => (i.status === "pending" || i.status === "in_progress" ? { ...i, status: "skipped", reason: body.reason } : i));
      extra = { status: "cancelled", cancellation: { reason: body.reason, cancelled_by_id: ME_ID, cancelled_by_name: "Erin Engineer", cancelled_at: "2026-12-07T10:00:00Z" } };
      return json(200, batch(items, extra));
    }
    if (route === `PUT /api/v1/maintenance/batches/${BATCH}/client-tickets`) {
      const body = (await input.json()) as Obj;
      tickets.push(body);
      extra = { ...extra, client_tickets: body };
      return json(200, batch(items, extra));
    }
    if (route === `GET /api/v1/maintenance/batches/${BATCH}/stream`) return stream.response;
    if (route === `GET /api/v1/maintenance/batches/${BATCH}/report`) {
      reports.push(url.search);
      const audience = url.searchParams.get("audience");
      return new Response(
        `<!doctype html><html><body><h1>December patching</h1><table><tr><th>Target</th>${audience === "internal" ? "<th>Engineer</th>" : ""}</tr><tr><td>FAB-DC01</td></tr></table><script>alert(1)</script><p>${audience}</p></body></html>`,
        { status: 200, headers: { "Content-Type": "text/html" } },
      );
    }
    const skip = route.match(/^POST \/api\/v1\/maintenance\/batches\/[^/]+\/items\/([^/]+)\/skip$/);
    if (skip) {
      const body = (await input.json()) as Obj;
      skips.push({ item: skip[1], ...body });
      const answer = opts.skip?.(body);
      if (answer) return answer;
      items = items.map((i) => (i.id === skip[1] ? { ...i, status: "skipped", reason: body.reason } : i));
      return json(200, items.find((i) => i.id === skip[1]));
    }
    if (route.startsWith("GET /api/v1/sessions/")) return json(200, { ...fakeSession(), timeline: [] });
    if (route.endsWith("/documentation")) return markdown("# note");
  });
  return { stream, skips, reports, cancels, tickets, setItems: (next: Obj[]) => (items = next), setExtra: (next: Obj) => (extra = next) };
}

const rows = () => screen.getAllByTestId("batch-item");
const row = (label: string) => rows().find((r) => r.dataset.label === label)!;

resetAppBetweenTests();

describe("Batch page", () => {
  it("shows progress, counts and each target's state, engineer, elapsed time and last event", async () => {
    fakeServer();
    renderApp(`/maintenance/batches/${BATCH}`);
    expect(await screen.findByRole("heading", { name: "December patching" })).toBeInTheDocument();
    const bar = screen.getByRole("progressbar", { name: "Batch progress" });
    expect(bar).toHaveAttribute("aria-valuenow", "2");
    expect(bar).toHaveAttribute("aria-valuemax", "4");
    expect(screen.getByTestId("batch-counts")).toHaveTextContent(/Done\s*1/);
    expect(rows()).toHaveLength(4);
    const done = row("FAB-DC01");
    expect(done).toHaveTextContent("Done");
    expect(done).toHaveTextContent("Erin Engineer");
    expect(done).toHaveTextContent("12 min");
    expect(done).toHaveTextContent("Resolved");
    expect(done).toHaveTextContent("2 min ago");
    expect(row("CON-SQL01")).toHaveTextContent("Decommissioned");
    // Finished targets can't be skipped; open ones can.
    expect(within(done).queryByRole("button", { name: /Skip/ })).toBeNull();
    expect(within(row("CON-DC01")).getByRole("button", { name: /Skip…\s*CON-DC01/ })).toBeInTheDocument();
    expect(within(done).getByRole("link", { name: /Open\s*FAB-DC01/ })).toHaveAttribute("href", "/sessions/55555550-0000-0000-0000-000000000000");
  });

  it("updates live from the stream: a target moves on and the counts follow", async () => {
    const { stream } = fakeServer();
    renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    await waitFor(() => expect(screen.getByTestId("batch-live")).toHaveAttribute("data-state", "live"));
    const moved = ITEMS().map((i) => (i.label === "CON-DC01" ? { ...i, status: "in_progress", last_event_type: "answer" } : i));
    act(() => stream.send("batch", batch(moved)));
    await waitFor(() => expect(row("CON-DC01")).toHaveAttribute("data-status", "in_progress"));
    expect(row("CON-DC01")).toHaveTextContent("Answer");
    expect(screen.getByRole("tab", { name: /In progress/ })).toHaveTextContent("2");
  });

  it("filters by state (kept in the URL) and by text", async () => {
    fakeServer();
    const { u, router } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    await u.click(screen.getByRole("tab", { name: /To do/ }));
    expect(router.state.location.search).toBe("?show=open");
    expect(rows().map((r) => r.dataset.label)).toEqual(["FAB-FS01", "CON-DC01"]);
    await u.click(screen.getByRole("tab", { name: /All/ }));
    await u.type(screen.getByRole("searchbox", { name: "Find a target" }), "contoso");
    expect(rows().map((r) => r.dataset.label)).toEqual(["CON-DC01", "CON-SQL01"]);
    await u.click(screen.getByRole("tab", { name: /Failed/ }));
    expect(screen.getByText("No target matches")).toBeInTheDocument();
  });

  it("moves with j/k and arrows and opens the selected target's session with Enter", async () => {
    fakeServer();
    const { u, router } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    const first = rows()[0]!;
    expect(first).toHaveAttribute("tabindex", "0");
    expect(rows()[1]).toHaveAttribute("tabindex", "-1");
    first.focus();
    await u.keyboard("j");
    expect(rows()[1]).toHaveFocus();
    await u.keyboard("{ArrowDown}");
    expect(rows()[2]).toHaveFocus();
    await u.keyboard("k");
    expect(rows()[1]).toHaveFocus();
    expect(rows()[1]).toHaveAttribute("aria-selected", "true");
    await u.keyboard("{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe("/sessions/55555551-0000-0000-0000-000000000000"));
  });

  it("skips a target with a reason: required, sent, and the row shows it", async () => {
    const { skips } = fakeServer();
    const { u } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    const opener = within(row("CON-DC01")).getByRole("button", { name: /Skip…\s*CON-DC01/ });
    await u.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Skip CON-DC01" });
    expect(within(dialog).getByLabelText(/Reason/)).toHaveFocus();
    await u.click(within(dialog).getByRole("button", { name: "Skip target" }));
    expect(within(dialog).getByText("Say why, for the report.")).toBeInTheDocument();
    expect(skips).toEqual([]);
    await u.type(within(dialog).getByLabelText(/Reason/), "Server offline for hardware swap");
    await u.click(within(dialog).getByRole("button", { name: "Skip target" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(skips).toEqual([{ item: "item-2", reason: "Server offline for hardware swap" }]);
    await waitFor(() => expect(row("CON-DC01")).toHaveAttribute("data-status", "skipped"));
    expect(row("CON-DC01")).toHaveTextContent("Server offline for hardware swap");
    expect(await screen.findByText("CON-DC01 skipped.")).toBeInTheDocument();
  });

  it("shows the server's 409 in the dialog and keeps it open", async () => {
    fakeServer({ skip: () => json(409, { title: "Conflict", status: 409, detail: "This target is already done." }) });
    const { u } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    await u.click(within(row("FAB-FS01")).getByRole("button", { name: /Skip…\s*FAB-FS01/ }));
    const dialog = screen.getByRole("dialog", { name: "Skip FAB-FS01" });
    await u.type(within(dialog).getByLabelText(/Reason/), "No longer needed");
    await u.click(within(dialog).getByRole("button", { name: "Skip target" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("This target is already done.");
  });

  it("a viewer reads the batch but gets no skip or fail", async () => {
    fakeServer({ me: fakeUser({ role: "viewer" }) });
    renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    expect(screen.queryByRole("button", { name: /Skip…|Mark failed…/ })).toBeNull();
  });

  it("shows the report in the app, sanitised, for the team or the client", async () => {
    const { reports } = fakeServer();
    const { u } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    await u.click(screen.getByRole("button", { name: "Report" }));
    const dialog = screen.getByRole("dialog", { name: "Report: December patching" });
    const report = await within(dialog).findByRole("article", { name: "Report" });
    await waitFor(() => expect(report).toHaveTextContent("FAB-DC01"));
    expect(within(report).getByRole("columnheader", { name: "Engineer" })).toBeInTheDocument();
    expect(report.querySelector("script")).toBeNull();
    await u.click(within(dialog).getByLabelText("For the client"));
    await waitFor(() => expect(within(dialog).getByRole("article", { name: "Report" })).toHaveTextContent("client"));
    expect(within(dialog).queryByRole("columnheader", { name: "Engineer" })).toBeNull();
    // Shown in the app: a preview, which the server records nothing for.
    expect(reports).toEqual(["?format=html&audience=internal&intent=preview", "?format=html&audience=client&intent=preview"]);
    // A download of the client's version leaves the building: asked for as such.
    await u.click(within(dialog).getByRole("button", { name: /HTML/ }));
    await waitFor(() => expect(reports).toHaveLength(3));
    expect(reports[2]).toBe("?format=html&audience=client&intent=download");
  });

  it("takes export options for the report and downloads it as a PDF", async () => {
    const { reports } = fakeServer();
    const clicked: HTMLAnchorElement[] = [];
    Object.defineProperty(URL, "createObjectURL", { configurable: true, value: vi.fn(() => "blob:pdf") });
    Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { u } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    await u.click(screen.getByRole("button", { name: "Report" }));
    const dialog = screen.getByRole("dialog", { name: "Report: December patching" });
    await within(dialog).findByRole("article", { name: "Report" });
    const options = within(dialog).getByRole("group", { name: "Export options" });
    await u.click(within(options).getByRole("checkbox", { name: "Timestamps" }));
    await u.selectOptions(within(options).getByLabelText("Redaction"), "strict");
    await waitFor(() => expect(reports.at(-1)).toBe("?format=html&audience=internal&intent=preview&timestamps=false&redaction=strict"));
    await u.click(within(dialog).getByRole("button", { name: "Download PDF" }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(reports.at(-1)).toBe("?format=pdf&audience=internal&intent=download&timestamps=false&redaction=strict");
    expect(clicked[0]!.download).toBe("december-patching.pdf");
    click.mockRestore();
  });

  it("cancels with a reason: open targets skipped, who and why shown, no more actions", async () => {
    const { cancels } = fakeServer();
    const { u } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    await u.click(screen.getByRole("button", { name: "Cancel batch…" }));
    const dialog = screen.getByRole("dialog", { name: "Cancel December patching" });
    await u.type(within(dialog).getByLabelText(/Reason/), "Change freeze");
    await u.click(within(dialog).getByRole("button", { name: "Cancel batch" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(cancels).toEqual([{ reason: "Change freeze" }]);
    expect(screen.getByTestId("batch-cancellation")).toHaveTextContent("Cancelled by Erin Engineer");
    expect(screen.getByTestId("batch-cancellation")).toHaveTextContent("Change freeze");
    expect(row("CON-DC01")).toHaveAttribute("data-status", "skipped");
    expect(screen.queryByRole("button", { name: /Skip…|Cancel batch…/ })).toBeNull();
  });

  const launchedBySomeoneElse = ({ route }: { route: string }) => {
    if (route === `GET /api/v1/maintenance/batches/${BATCH}`) return json(200, batch(ITEMS(), { launched_by_id: "someone-else" }));
    if (route.endsWith("/stream")) return eventStream().response;
  };

  it("doesn't offer Cancel to an engineer who didn't launch the batch", async () => {
    stubApi(fakeUser(), launchedBySomeoneElse);
    renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    expect(screen.queryByRole("button", { name: "Cancel batch…" })).toBeNull();
  });

  it("offers Cancel to a team admin whoever launched the batch", async () => {
    stubApi(fakeUser({ role: "team_admin" }), launchedBySomeoneElse);
    renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    expect(screen.getByRole("button", { name: "Cancel batch…" })).toBeInTheDocument();
  });

  it("shows a 403 from cancelling in the dialog", async () => {
    stubApi(fakeUser(), ({ route }) => {
      if (route === `GET /api/v1/maintenance/batches/${BATCH}`) return json(200, batch(ITEMS()));
      if (route.endsWith("/stream")) return eventStream().response;
      if (route.endsWith("/cancel")) return json(403, { title: "Forbidden", status: 403, detail: "Only the batch's launcher or a team admin can cancel it." });
    });
    const { u } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    await u.click(screen.getByRole("button", { name: "Cancel batch…" }));
    const dialog = screen.getByRole("dialog", { name: "Cancel December patching" });
    await u.type(within(dialog).getByLabelText(/Reason/), "Change freeze");
    await u.click(within(dialog).getByRole("button", { name: "Cancel batch" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Only the batch's launcher or a team admin can cancel it.");
  });

  it("sets each client's PSA ticket while the batch runs", async () => {
    const { tickets } = fakeServer();
    const { u } = renderApp(`/maintenance/batches/${BATCH}`);
    await screen.findByRole("heading", { name: "December patching" });
    const section = screen.getByRole("region", { name: "PSA notes per client" });
    await u.type(within(section).getByLabelText("Fabrikam ticket"), "1001");
    await u.click(within(section).getByRole("button", { name: "Save tickets" }));
    await waitFor(() => expect(tickets).toEqual([{ Fabrikam: "1001" }]));
    expect(await screen.findByText("PSA tickets saved.")).toBeInTheDocument();
  });

  it("after completion, says what happened to each client's note", async () => {
    const { setExtra } = fakeServer();
    setExtra({ status: "completed", client_tickets: { Fabrikam: "1001" }, psa_notes: { Fabrikam: { state: "queued", ticket_id: "1001", push_id: "p" }, Contoso: { state: "skipped", reason: "no ticket given for this client" } } });
    renderApp(`/maintenance/batches/${BATCH}`);
    const done = await screen.findByRole("region", { name: "PSA notes per client" });
    expect(within(done).getByLabelText("Fabrikam ticket")).toBeDisabled();
    const notes = within(done).getAllByTestId("client-note").map((n) => n.textContent);
    expect(notes).toEqual(["No note no ticket given for this client", "Note queued on ticket 1001"]);
    expect(within(done).queryByRole("button", { name: "Save tickets" })).toBeNull();
  });

  it("says so when the batch doesn't exist", async () => {
    stubApi(fakeUser(), ({ route }) => (route.startsWith("GET /api/v1/maintenance/batches/") ? json(404, { title: "Not found", status: 404, detail: "No such batch." }) : undefined));
    renderApp(`/maintenance/batches/${BATCH}`);
    expect(await screen.findByRole("heading", { name: "This batch doesn't exist" })).toBeInTheDocument();
  });
});
