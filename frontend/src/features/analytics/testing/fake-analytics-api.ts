/**
 * Tests only: the analytics API with fixed figures (typed by the generated client, so they keep up
 * with the backend's shapes), recording what was asked. A test may answer any request first.
 */
import { json, stubApi, type ApiHandler } from "@/testing/fake-api";
import type { Coverage, FlowAnalytics, FlowRow, FlowTable, Overview, SessionRow } from "../api/types";

export const FLOW_A = "aaaaaaaa-0000-0000-0000-00000000000a";
export const FLOW_B = "bbbbbbbb-0000-0000-0000-00000000000b";
export const FLOW_C = "cccccccc-0000-0000-0000-00000000000c";
export const TEAM_ID = "44444444-4444-4444-4444-444444444444";
export const USER_ID = "55555555-5555-5555-5555-555555555555";

const FILTERS = { team_id: null, user_id: null, flow_id: null, category: null, client: null, experiment_id: null, variant: null };

function headline(over: Partial<Overview> = {}) {
  return {
    sessions: 40,
    resolved: 30,
    resolution_rate: 0.75,
    mttr_seconds: 720,
    mttr_mean_seconds: 900,
    escalated: 8,
    escalation_rate: 0.2,
    first_contact_resolved: 26,
    first_contact_resolution_rate: 0.65,
    unresolved: 2,
    unresolved_rate: 0.05,
    abandoned: 4,
    abandonment_rate: 0.1,
    workaround_rate: 0.025,
    ...over,
  };
}

export function fakeOverview(over: Partial<Overview> = {}): Overview {
  return {
    from: "2026-03-02",
    to: "2026-03-31",
    days: 30,
    ...headline(),
    filters: FILTERS,
    by_outcome: { resolved: 29, workaround: 1, unresolved: 2, abandoned: 4, escalated: 1, open: 3 },
    pilot: { sessions: 10, tiers: { discovery: 2, exploring: 3, guided: 5 }, proposed: 6, accepted: 4, declined: 2, accepted_rate: 0.6667 },
    copilot_use: { sessions: 12, accepted_sessions: 7, suggestions_accepted: 9, rate: 0.3 },
    psa_pushes: { queued: 10, sent: 8, failed: 1, pending: 1 },
    series: [
      { date: "2026-03-30", sessions: 20, resolved: 14, escalated: 5, first_contact_resolved: 10, unresolved: 1, abandoned: 2, workaround: 0, mttr_seconds: 700 },
      { date: "2026-03-31", sessions: 20, resolved: 16, escalated: 3, first_contact_resolved: 14, unresolved: 1, abandoned: 2, workaround: 1, mttr_seconds: 740 },
    ],
    previous: {
      from: "2026-01-31",
      to: "2026-03-01",
      days: 30,
      ...headline({
        sessions: 32,
        resolved: 20,
        resolution_rate: 0.625,
        mttr_seconds: 900,
        escalation_rate: 0.15,
        first_contact_resolution_rate: 0.65,
        unresolved_rate: 0.1,
        abandonment_rate: 0.1,
      }),
    },
    ...over,
  };
}

export function fakeFlowRow(over: Partial<FlowRow> = {}): FlowRow {
  return {
    flow_id: FLOW_A,
    title: "VPN won't connect",
    kind: "troubleshooting",
    category: "Network",
    version: 3,
    last_edited: "2026-02-01T10:00:00Z",
    runs: 20,
    resolved: 10,
    workaround: 1,
    resolution_rate: 0.5,
    median_active_seconds: 600,
    abandoned: 4,
    abandonment_rate: 0.2,
    escalated: 6,
    escalation_rate: 0.3,
    rating: { average: 3.5, count: 4 },
    staleness_days: 58,
    quality: { score: 48.2, success: 0.5, abandonment: 0.8, escalation: 0.7, rating: 0.625, staleness: 0.84 },
    ...over,
  };
}

export function fakeFlowTable(items?: FlowRow[]): FlowTable {
  return {
    from: "2026-03-02",
    to: "2026-03-31",
    days: 30,
    filters: FILTERS,
    formula: {
      text: "score = 100 * (0.4 * success + 0.2 * abandonment + 0.2 * escalation + 0.1 * rating + 0.1 * staleness) / (sum of the weights of the parts present). No score below 5 runs. Worst first.",
      weights: { success: 0.4, abandonment: 0.2, escalation: 0.2, rating: 0.1, staleness: 0.1 },
      stale_after_days: 365,
      min_runs: 5,
    },
    items: items ?? [
      fakeFlowRow(),
      fakeFlowRow({
        flow_id: FLOW_B,
        title: "Outlook keeps asking for the password",
        category: "Email",
        runs: 50,
        resolved: 45,
        resolution_rate: 0.9,
        median_active_seconds: 300,
        abandoned: 1,
        abandonment_rate: 0.02,
        escalated: 2,
        escalation_rate: 0.04,
        rating: null,
        quality: { score: 91, success: 0.9, abandonment: 0.98, escalation: 0.96, rating: null, staleness: 0.9 },
      }),
      fakeFlowRow({
        flow_id: FLOW_C,
        title: "Printer offline",
        category: "Printing",
        runs: 2,
        resolved: 2,
        resolution_rate: 1,
        median_active_seconds: 120,
        abandoned: 0,
        abandonment_rate: 0,
        escalated: 0,
        escalation_rate: 0,
        rating: null,
        version: null,
        quality: { score: null, success: 1, abandonment: 1, escalation: 1, rating: null, staleness: 1 },
      }),
    ],
  };
}

export function fakeCoverage(
  rows: "category" | "client" = "category",
  over: Partial<Coverage> = {},
  cols: "outcome" | "category" = "outcome",
): Coverage {
  const q = (row: string, col: string) =>
    `from=2026-03-02&to=2026-03-31&${rows}=${encodeURIComponent(row)}&${cols}=${encodeURIComponent(col)}`;
  const names = rows === "category" ? ["Network", "Email"] : ["Contoso", "Unknown"];
  const base = {
    from: "2026-03-02",
    to: "2026-03-31",
    days: 30,
    rows_by: rows,
    filters: FILTERS,
    rows: names,
  };
  if (cols === "category") {
    return {
      ...base,
      cols_by: "category",
      cols: ["Network", "Email"],
      cells: [
        { row: names[0]!, col: "Network", count: 5, sessions_query: q(names[0]!, "Network") },
        { row: names[1]!, col: "Email", count: 2, sessions_query: q(names[1]!, "Email") },
      ],
      total: 7,
      ...over,
    };
  }
  return {
    ...base,
    cols_by: "outcome",
    cols: ["resolved", "unresolved", "abandoned", "escalated", "open"],
    cells: [
      { row: names[0]!, col: "resolved", count: 20, sessions_query: q(names[0]!, "resolved") },
      { row: names[0]!, col: "escalated", count: 12, sessions_query: q(names[0]!, "escalated") },
      { row: names[1]!, col: "resolved", count: 1, sessions_query: q(names[1]!, "resolved") },
    ],
    total: 33,
    ...over,
  };
}

export function fakeFlowAnalytics(over: Partial<FlowAnalytics> = {}): FlowAnalytics {
  const node = (id: string, title: string, type: string, reached: number, dropped: number, median: number | null) => ({
    node_id: id,
    title,
    type,
    reached,
    answered: reached - dropped,
    dropped,
    still_open: 0,
    median_seconds: median,
    in_graph: true,
    rating: null,
  });
  return {
    from: "2026-03-02",
    to: "2026-03-31",
    days: 30,
    flow_id: FLOW_A,
    title: "VPN won't connect",
    kind: "troubleshooting",
    category: "Network",
    version: 3,
    last_edited: "2026-02-01T10:00:00Z",
    filters: { ...FILTERS, flow_id: FLOW_A },
    runs: 20,
    resolved: 10,
    resolution_rate: 0.5,
    median_active_seconds: 600,
    abandoned: 4,
    abandonment_rate: 0.2,
    unresolved: 0,
    escalated: 6,
    escalation_rate: 0.3,
    open: 0,
    workaround: 2,
    rating: null,
    nodes: [
      node("q1", "Does the VPN client start?", "question", 20, 0, 30),
      node("a1", "Reinstall the client", "action", 12, 6, 240),
      node("r1", "Connected", "resolution", 10, 0, null),
      node("r2", "Escalate to network", "resolution", 0, 0, null),
      { ...node("old", "Old first step", "action", 2, 2, 60), in_graph: false },
    ],
    edges: [
      { source: "q1", target: "a1", label: "No", taken: 12, in_graph: true },
      { source: "q1", target: "r1", label: "Yes", taken: 4, in_graph: true },
      { source: "a1", target: "r1", label: "", taken: 6, in_graph: true },
      { source: "a1", target: "r2", label: "Still failing", taken: 0, in_graph: true },
    ],
    ...over,
  };
}

export function fakeSessionRow(over: Partial<SessionRow> = {}): SessionRow {
  return {
    id: "66666666-6666-6666-6666-666666666666",
    title: "VPN drops every hour (Contoso)",
    status: "escalated",
    outcome: "escalated",
    owner_id: USER_ID,
    owner_name: "Erin Engineer",
    flow_id: FLOW_A,
    flow_title: "VPN won't connect",
    category: "Network",
    client: "Contoso",
    escalated: true,
    active_seconds: 1260,
    created_at: "2026-03-20T09:00:00Z",
    ended_at: null,
    ...over,
  };
}

export interface AnalyticsServer {
  /** Every analytics request, in order. */
  requests: URL[];
  /** The requests to one path (e.g. "/api/v1/analytics/overview"). */
  to: (path: string) => URL[];
}

export function fakePerson(id: string, name: string, email: string, role = "engineer") {
  return { id, name, email, role, is_active: true, created_at: "2026-01-01T00:00:00Z", last_login_at: null, teams: [] };
}
export type FakeUser = ReturnType<typeof fakePerson>;
export const PEOPLE: FakeUser[] = [
  fakePerson(USER_ID, "Erin Engineer", "eng@example.com"),
  fakePerson("77777777-7777-7777-7777-777777777777", "Vic Viewer", "v@example.com", "viewer"),
];

export function analyticsServer(opts: {
  me: object;
  overview?: Overview | (() => Overview);
  flows?: FlowTable;
  flow?: FlowAnalytics;
  coverage?: (rows: "category" | "client", cols: "outcome" | "category") => Coverage;
  sessions?: SessionRow[];
  people?: FakeUser[];
  handle?: ApiHandler;
}): AnalyticsServer {
  const requests: URL[] = [];
  stubApi(opts.me, async (req) => {
    if (/^\/api\/v1\/(analytics|users)/.test(req.url.pathname)) requests.push(req.url);
    const own = await opts.handle?.(req);
    if (own) return own;
    const { route, url } = req;
    if (url.searchParams.get("format") === "csv") {
      return new Response("a,b\n1,2\n", {
        status: 200,
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="analytics-export.csv"' },
      });
    }
    if (route === "GET /api/v1/analytics/overview") {
      const o = opts.overview ?? fakeOverview();
      return json(200, typeof o === "function" ? o() : o);
    }
    if (route === "GET /api/v1/analytics/flows") return json(200, opts.flows ?? fakeFlowTable());
    if (route.startsWith("GET /api/v1/analytics/flows/")) return json(200, opts.flow ?? fakeFlowAnalytics());
    if (route === "GET /api/v1/analytics/coverage") {
      const rows = url.searchParams.get("rows") === "client" ? "client" : "category";
      const cols = url.searchParams.get("cols") === "category" ? "category" : "outcome";
      return json(200, opts.coverage ? opts.coverage(rows, cols) : fakeCoverage(rows, {}, cols));
    }
    if (route === "GET /api/v1/analytics/sessions") return json(200, { items: opts.sessions ?? [fakeSessionRow()], next_cursor: null });
    if (route === "GET /api/v1/teams") {
      return json(200, { items: [{ id: TEAM_ID, name: "Service Desk", description: "", member_count: 3, created_at: "2026-01-01T00:00:00Z" }], next_cursor: null });
    }
    if (route === "GET /api/v1/users") {
      // Name or email contains `q`, as the API searches.
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const items = (opts.people ?? PEOPLE).filter((u) => !q || u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q));
      const limit = Number(url.searchParams.get("limit") ?? 50);
      return json(200, { items: items.slice(0, limit), next_cursor: items.length > limit ? "next" : null });
    }
    if (route.startsWith("GET /api/v1/users/")) {
      const person = (opts.people ?? PEOPLE).find((u) => url.pathname.endsWith(`/${u.id}`));
      return person ? json(200, person) : json(404, { title: "Not Found", detail: "No such user." });
    }
    return undefined;
  });
  return { requests, to: (path) => requests.filter((u) => u.pathname === path) };
}
