/**
 * Tests only: the review queue and coverage gaps API over in-memory lists, behaving like the
 * server for what the pages use (status filter, counts, approve → a draft, dismiss, reject with a
 * required reason, comments, the run job, step flags with `may_close`, gaps and drafting). A test
 * may answer any request itself first (`handle`).
 */
import type { FormatNodeIn } from "@/lib/flow-graph/convert";
import { type ApiHandler, json, stubApi } from "@/testing/fake-api";

type Obj = Record<string, unknown>;

export const PROPOSAL_ID = "55555555-5555-5555-5555-555555555555";
export const CHANGE_ID = "66666666-6666-6666-6666-666666666666";
export const FLOW_ID = "77777777-7777-7777-7777-777777777777";
export const NEW_FLOW_ID = "88888888-8888-8888-8888-888888888888";
export const JOB_ID = "99999999-9999-9999-9999-999999999999";
export const S1 = "aaaaaaaa-0000-0000-0000-000000000001";
export const S2 = "aaaaaaaa-0000-0000-0000-000000000002";

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export const PRINTER_DOC = {
  format: "resolutionflow.flow/1",
  title: "Printer shows offline",
  kind: "troubleshooting",
  description: "",
  category: "",
  tags: [],
  start: "q1",
  nodes: [
    { id: "q1", type: "question", title: "Is the printer powered on?", body: "" },
    { id: "a1", type: "action", title: "Clear the print queue", body: "Cancel every job." },
    { id: "a2", type: "action", title: "Restart the print spooler service", body: "" },
    { id: "r1", type: "resolution", title: "Restarted the spooler; printing works", outcome: "resolved", body: "" },
    { id: "r2", type: "resolution", title: "Escalate", outcome: "escalate", body: "" },
  ],
  edges: [
    { source: "q1", target: "a1", label: "Yes" },
    { source: "q1", target: "r2", label: "No" },
    { source: "a1", target: "a2", label: "" },
    { source: "a2", target: "r1", label: "" },
  ],
};

const Q1 = { id: "q1", type: "question", title: "Does it drop every hour?", body: "" };
const A1 = { id: "a1", type: "action", title: "Renew the certificate", body: "Old body" };
const R1 = { id: "r1", type: "resolution", title: "Fixed", outcome: "resolved", body: "" };
const R2 = { id: "r2", type: "resolution", title: "Escalate", outcome: "escalate", body: "" };

export const VPN_BASE = {
  format: "resolutionflow.flow/1",
  title: "VPN drops",
  kind: "troubleshooting",
  description: "",
  category: "",
  tags: [] as string[],
  start: "q1" as string | null,
  nodes: [Q1, A1, R1, R2] as FormatNodeIn[],
  edges: [
    { source: "q1", target: "a1", label: "Yes" },
    { source: "q1", target: "r2", label: "No" },
    { source: "a1", target: "r1", label: "" },
  ],
};

/** The VPN flow with "Reset the network adapter" added before the end and a1's body reworded. */
export const VPN_CHANGED = {
  ...VPN_BASE,
  nodes: [Q1, { ...A1, body: "New body" }, { id: "a9", type: "action", title: "Reset the network adapter", body: "netsh winsock reset" }, R1, R2] as FormatNodeIn[],
  edges: [
    { source: "q1", target: "a1", label: "Yes" },
    { source: "q1", target: "r2", label: "No" },
    { source: "a1", target: "a9", label: "" },
    { source: "a9", target: "r1", label: "" },
  ],
};

export function fakeProposal(over: Obj = {}): Obj {
  return {
    id: PROPOSAL_ID,
    kind: "new_flow",
    status: "open",
    title: "Printer shows offline",
    rationale: "5 sessions in 4 days solved 'printer offline' without a flow, mostly by restarting the print spooler.",
    confidence: 0.82,
    evidence: [
      { session_id: S1, title: "Printer on floor 2 shows offline", status: "resolved", ended_at: ago(4), engineer_id: null, link: `/sessions/${S1}` },
      { session_id: S2, title: "Network printer offline", status: "resolved", ended_at: ago(0.1), engineer_id: null, link: `/sessions/${S2}` },
    ],
    evidence_count: 5,
    first_seen_at: ago(4),
    last_seen_at: ago(0.1),
    span_days: 4,
    reinforced_count: 1,
    reinforced_at: ago(0.1),
    flow_id: null,
    flow_version: null,
    draft: { document: PRINTER_DOC },
    source: "flywheel",
    worded_by: "offline",
    team_id: null,
    reject_reason: null,
    reviewed_at: null,
    result_flow_id: null,
    can_review: true,
    comments: [],
    created_at: ago(4),
    updated_at: ago(0.1),
    ...over,
  };
}

export function fakeChangeProposal(over: Obj = {}): Obj {
  return fakeProposal({
    id: CHANGE_ID,
    kind: "enhancement",
    title: "VPN drops: reset the network adapter",
    rationale: "4 sessions in 12 days ended with 'reset the network adapter' after this flow's last step.",
    confidence: 0.6,
    flow_id: FLOW_ID,
    flow_version: 3,
    draft: {
      document: VPN_CHANGED,
      diff: {
        nodes: { added: ["a9"], removed: [], changed: ["a1"] },
        edges: {
          added: [
            { source: "a1", target: "a9", label: "" },
            { source: "a9", target: "r1", label: "" },
          ],
          removed: [{ source: "a1", target: "r1", label: "" }],
          changed: [],
        },
        fields: [],
      },
      change: { op: "add_step_before_end", node_id: "a1", title: "Reset the network adapter", body: "netsh winsock reset" },
    },
    ...over,
  });
}

export function fakeFlag(over: Obj = {}): Obj {
  return {
    id: "flag-1",
    step_id: "step-1",
    step_title: "Clear the cached Outlook credential",
    team_id: null,
    reason: "The path changed in Windows 11.",
    status: "open",
    reporter_id: null,
    reporter_name: "Erin Engineer",
    created_at: ago(0.5),
    closed_at: null,
    closed_by_id: null,
    note: "",
    may_close: true,
    ...over,
  };
}

export function fakeGap(over: Obj = {}): Obj {
  return {
    key: "gap-1",
    label: "Scan to email fails with SMTP authentication error",
    keywords: ["scan", "smtp", "copier"],
    count: 3,
    examples: ["Ricoh copier scan to email stopped working, SMTP auth error", "Scan to email on the copier fails: [REDACTED:email]"],
    sources: { pilot_no_match: 2, copilot_unknown: 1 },
    last_seen: ago(0.05),
    trend: { last_7_days: 3, previous_7_days: 1, direction: "rising" },
    engineers: [
      { id: "u1", name: "Erin Engineer" },
      { id: "u2", name: "Sam Senior" },
    ],
    session_ids: [S1, S2],
    ...over,
  };
}

/** A test's own answer, or undefined to let the fake behave like the server. */
type Answer = Response | undefined | Promise<Response | undefined>;

export interface FlywheelCalls {
  lists: string[];
  approved: string[];
  dismissed: string[];
  rejected: { id: string; body: Obj }[];
  comments: { id: string; body: Obj }[];
  runs: number;
  jobGets: number;
  flagsClosed: { id: string; verdict: string }[];
  drafts: Obj[];
  versionGets: string[];
}

export function flywheelServer(
  opts: {
    me: object;
    proposals?: Obj[];
    flags?: Obj[];
    gaps?: Obj[];
    jobStates?: string[];
    handle?: ApiHandler;
    list?: (status: string) => Answer;
  },
) {
  const proposals = opts.proposals ?? [fakeProposal()];
  const flags = opts.flags ?? [];
  const gaps = opts.gaps ?? [];
  const jobStates = [...(opts.jobStates ?? ["queued", "running", "succeeded"])];
  const calls: FlywheelCalls = { lists: [], approved: [], dismissed: [], rejected: [], comments: [], runs: 0, jobGets: 0, flagsClosed: [], drafts: [], versionGets: [] };
  const find = (id: string) => proposals.find((p) => p.id === id);
  const notFound = (id: string) => json(404, { title: "Not found", status: 404, detail: `No proposal with id ${id}.` });

  stubApi(opts.me, async (req) => {
    const own = await opts.handle?.(req);
    if (own) return own;
    const { route, url, input } = req;
    if (route === "GET /api/v1/proposals") {
      const status = url.searchParams.get("status") ?? "open";
      calls.lists.push(status);
      const answer = await opts.list?.(status);
      if (answer) return answer;
      return json(200, { items: proposals.filter((p) => p.status === status), step_flags: [] });
    }
    if (route === "GET /api/v1/proposals/counts") {
      const count = (s: string) => proposals.filter((p) => p.status === s).length;
      return json(200, { open: count("open"), approved: count("approved"), dismissed: count("dismissed"), rejected: count("rejected"), step_flags: flags.filter((f) => f.status === "open").length });
    }
    if (route === "POST /api/v1/proposals/run") {
      calls.runs++;
      return json(202, { job_id: JOB_ID });
    }
    if (route === `GET /api/v1/jobs/${JOB_ID}`) {
      calls.jobGets++;
      const state = jobStates.length > 1 ? jobStates.shift()! : jobStates[0]!;
      return json(200, { id: JOB_ID, state, kind: "flywheel.run", title: "Knowledge flywheel", description: "", attempts: 1, max_attempts: 3, last_error: state === "dead" ? "Database was locked." : "", run_at: ago(0), created_at: ago(0), updated_at: ago(0), finished_at: null, account_id: "a" });
    }
    const one = route.match(/^GET \/api\/v1\/proposals\/([^/]+)$/);
    if (one) return find(one[1]!) ? json(200, find(one[1]!)) : notFound(one[1]!);
    const verb = route.match(/^POST \/api\/v1\/proposals\/([^/]+)\/(approve|dismiss|reject|comments)$/);
    if (verb) {
      const [, id, action] = verb as unknown as [string, string, string];
      const p = find(id);
      if (!p) return notFound(id);
      const body = (await input.clone().json().catch(() => ({}))) as Obj;
      const now = new Date().toISOString();
      if (action === "approve") {
        calls.approved.push(id);
        Object.assign(p, { status: "approved", reviewed_at: now, result_flow_id: p.flow_id ?? NEW_FLOW_ID, updated_at: now });
        return json(200, { flow_id: p.result_flow_id, draft_version: 2 });
      }
      if (action === "dismiss") {
        calls.dismissed.push(id);
        Object.assign(p, { status: "dismissed", reviewed_at: now, updated_at: now });
        return json(200, p);
      }
      if (action === "reject") {
        calls.rejected.push({ id, body });
        if (typeof body.reason !== "string" || !body.reason.trim()) {
          return json(422, { title: "Validation failed", status: 422, detail: "reason: Field required", errors: [{ loc: ["body", "reason"], msg: "Field required" }] });
        }
        Object.assign(p, { status: "rejected", reviewed_at: now, reject_reason: body.reason, updated_at: now });
        return json(200, p);
      }
      calls.comments.push({ id, body });
      const comments = (p.comments as Obj[]) ?? [];
      p.comments = [...comments, { id: `c${comments.length + 1}`, author_id: null, author_name: "Erin Engineer", text: body.text, created_at: now }];
      return json(201, p);
    }
    if (route === "GET /api/v1/steps/flags") {
      return json(200, { items: flags.filter((f) => f.status === (url.searchParams.get("status") ?? f.status)), next_cursor: null });
    }
    const close = route.match(/^POST \/api\/v1\/steps\/flags\/([^/]+)\/(resolve|dismiss)$/);
    if (close) {
      const [, id, verdict] = close as unknown as [string, string, string];
      calls.flagsClosed.push({ id, verdict });
      const f = flags.find((x) => x.id === id);
      if (!f) return json(404, { title: "Not found", status: 404, detail: "No such flag." });
      if (f.status !== "open") return json(409, { title: "Conflict", status: 409, detail: "This flag is already closed." });
      f.status = verdict === "resolve" ? "resolved" : "dismissed";
      return json(200, f);
    }
    const version = route.match(/^GET \/api\/v1\/flows\/([^/]+)\/versions\/(\d+)$/);
    if (version) {
      calls.versionGets.push(`${version[1]}@${version[2]}`);
      return json(200, { flow_id: version[1], number: Number(version[2]), graph: VPN_BASE, note: "", published_at: ago(30), published_by: null });
    }
    if (route === "GET /api/v1/knowledge/gaps") return json(200, { items: gaps });
    if (route === "POST /api/v1/knowledge/gaps/draft") {
      const body = (await input.clone().json()) as Obj;
      calls.drafts.push(body);
      return json(201, { flow_id: NEW_FLOW_ID, draft_version: 1, proposal_id: PROPOSAL_ID });
    }
    return undefined;
  });
  return { proposals, flags, gaps, calls };
}
