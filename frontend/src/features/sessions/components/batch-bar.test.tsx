import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeSession, fakeUser, json, markdown, ME_ID, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const NEXT_SID = "33333333-3333-3333-3333-333333333333";
const FLOW = "22222222-2222-2222-2222-222222222222";
const BATCH = "44444444-4444-4444-4444-444444444444";

const checklist = {
  node_id: "c_pre",
  type: "checklist",
  title: "Pre-checks on FAB-DC01",
  body: "",
  flow_id: FLOW,
  flow_title: "Monthly server patching",
  answers: [""],
  items: ["Backup OK", "Snapshot taken"],
  ticked: [0, 1],
  variable: null,
  outcome: null,
};

function ev(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: crypto.randomUUID(), seq, type, actor_id: ME_ID, actor_name: "Erin Engineer", created_at: "2026-03-01T10:00:00Z", payload };
}

function session(id: string, label: string, batchId: string | null = BATCH) {
  return {
    ...fakeSession({ id, title: `${label} — December patching`, flow_id: FLOW, flow_title: "Monthly server patching", flow_version: 3, current_node: "c_pre", current_step: { ...checklist, title: `Pre-checks on ${label}` }, last_seq: 2 }),
    timeline: [ev(1, "started", { title: label, ...(batchId ? { batch_id: batchId, target: label } : {}) }), ev(2, "step_shown", { node_id: "c_pre" })],
  };
}

function batchItem(position: number, label: string, sessionId: string, status: string, assignee: string | null = ME_ID) {
  return { id: `item-${position}`, position, target_id: null, label, client: "Fabrikam", fields: {}, session_id: sessionId, status, reason: "", assignee_id: assignee, assignee_name: assignee ? "Erin Engineer" : null, active_seconds: 0, last_event_type: null, last_event_at: null };
}

const batch = {
  id: BATCH,
  title: "December patching",
  status: "running",
  flow_id: FLOW,
  flow_title: "Monthly server patching",
  flow_version: 3,
  target_list_id: null,
  schedule_id: null,
  slot_at: null,
  assignment: "user",
  assignee_user_id: ME_ID,
  team_id: null,
  counts: { total: 3, pending: 2, in_progress: 0, done: 1, skipped: 0, failed: 0, escalated: 0 },
  created_at: "2026-03-01T10:00:00Z",
  completed_at: null,
  items: [batchItem(0, "FAB-DC01", SID, "pending"), batchItem(1, "FAB-FS01", "x", "done"), batchItem(2, "FAB-APP01", NEXT_SID, "pending")],
  client_tickets: {},
  psa_notes: {},
};

function fakeServer(opts: { batchId?: string | null; pool?: boolean } = {}) {
  const posted: Record<string, unknown>[] = [];
  const asked: string[] = [];
  const served = opts.pool
    ? { ...batch, assignment: "pool", assignee_user_id: null, items: batch.items.map((i) => ({ ...i, assignee_id: null, assignee_name: null })) }
    : batch;
  stubApi(fakeUser(), async ({ input, route }) => {
    asked.push(route);
    if (route === `GET /api/v1/sessions/${SID}`) return json(200, session(SID, "FAB-DC01", opts.batchId === undefined ? BATCH : opts.batchId));
    if (route === `GET /api/v1/sessions/${NEXT_SID}`) return json(200, session(NEXT_SID, "FAB-APP01"));
    if (route.endsWith("/documentation")) return markdown("# note");
    if (route === `GET /api/v1/maintenance/batches/${BATCH}`) return json(200, served);
    if (route === `POST /api/v1/maintenance/batches/${BATCH}/items/item-0/claim`) {
      posted.push({ claim: "item-0" });
      return json(200, { ...served.items[0], assignee_id: ME_ID });
    }
    if (route === `POST /api/v1/sessions/${SID}/events`) {
      const body = (await input.json()) as Record<string, unknown>;
      posted.push(body);
      const s = session(SID, "FAB-DC01");
      return json(200, { session: { ...s, current_step: null, current_node: null, last_seq: 3, flow_outcome: null }, events: [ev(3, "answer", body)] });
    }
  });
  return { posted, asked };
}

resetAppBetweenTests();

describe("Runner: the batch bar", () => {
  it("names the batch and the target's place, and sends the next answer to all remaining targets when asked", async () => {
    const { posted } = fakeServer();
    const { u } = renderApp(`/sessions/${SID}`);
    const bar = await screen.findByRole("region", { name: "Maintenance batch" });
    expect(await within(bar).findByRole("link", { name: "December patching" })).toHaveAttribute("href", `/maintenance/batches/${BATCH}`);
    expect(bar).toHaveTextContent("target 1 of 3");
    expect(bar).toHaveTextContent("1 of 3 finished");

    await u.click(within(bar).getByLabelText("Same answer for all remaining targets"));
    await u.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ type: "answer", node_id: "c_pre", apply_to_remaining: true });
  });

  it("sends a plain answer when the option is left off", async () => {
    const { posted } = fakeServer();
    const { u } = renderApp(`/sessions/${SID}`);
    await screen.findByRole("region", { name: "Maintenance batch" });
    await u.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).not.toHaveProperty("apply_to_remaining");
  });

  it("goes to the next open target of mine with n (and with the button)", async () => {
    fakeServer();
    const { u, router } = renderApp(`/sessions/${SID}`);
    const bar = await screen.findByRole("region", { name: "Maintenance batch" });
    const next = await within(bar).findByRole("button", { name: /Next target: FAB-APP01/ });
    expect(next).toHaveAttribute("aria-keyshortcuts", "n");
    await u.keyboard("n");
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${NEXT_SID}`));
    expect(await screen.findByRole("heading", { name: "Pre-checks on FAB-APP01" })).toBeInTheDocument();
  });

  it("offers to claim an unclaimed target of a team pool", async () => {
    const { posted } = fakeServer({ pool: true });
    const { u } = renderApp(`/sessions/${SID}`);
    const bar = await screen.findByRole("region", { name: "Maintenance batch" });
    await u.click(await within(bar).findByRole("button", { name: "Claim this target" }));
    await waitFor(() => expect(posted).toEqual([{ claim: "item-0" }]));
    expect(await screen.findByText("FAB-DC01 is yours.")).toBeInTheDocument();
  });

  it("is not there for a session outside any batch, and asks for no batch", async () => {
    const { asked } = fakeServer({ batchId: null });
    renderApp(`/sessions/${SID}`);
    expect(await screen.findByRole("heading", { name: "Pre-checks on FAB-DC01" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Maintenance batch" })).toBeNull();
    expect(asked.filter((r) => r.includes("/maintenance/"))).toEqual([]);
  });
});
