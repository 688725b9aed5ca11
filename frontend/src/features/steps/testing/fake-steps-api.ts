/**
 * Tests only: the step library API over an in-memory list, behaving like the server for what the
 * pages use (search by words, filters, paging by cursor, ratings replacing yours, flags, 409 on a
 * stale revision). A test may answer any request itself first.
 */
import { ME_ID, json, stubApi, type ApiHandler } from "@/testing/fake-api";

type Obj = Record<string, unknown>;

export const STEP_ID = "33333333-3333-3333-3333-333333333333";
export const TEAM_ID = "44444444-4444-4444-4444-444444444444";

export function fakeStep(over: Obj = {}): Obj {
  return {
    id: STEP_ID,
    title: "Clear the cached Outlook credential",
    body: "Open **Credential Manager** and remove `MicrosoftOffice16_Data:{{user_email}}`.",
    kind: "action",
    answers: [],
    tags: ["outlook", "credentials"],
    category: "Email",
    team_id: null,
    team_name: null,
    script_ref: null,
    variables: ["user_email"],
    revision: 1,
    created_by_id: ME_ID,
    created_by_name: "Erin Engineer",
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    rating_avg: null,
    rating_count: 0,
    verified_uses: 0,
    open_flags: 0,
    linked_nodes: 0,
    my_rating: null,
    can_edit: true,
    snippet: null,
    ...over,
  };
}

export interface StepCalls {
  lists: URLSearchParams[];
  created: Obj[];
  updated: Obj[];
  ratings: Obj[];
  flagged: string[];
  closed: { id: string; verdict: string }[];
  deleted: string[];
}

export function stepServer(opts: { me: object; steps?: Obj[]; flags?: Obj[]; reviews?: Obj[]; handle?: ApiHandler }) {
  const steps = opts.steps ?? [fakeStep()];
  const flags = opts.flags ?? [];
  const reviews = opts.reviews ?? [];
  const calls: StepCalls = { lists: [], created: [], updated: [], ratings: [], flagged: [], closed: [], deleted: [] };
  stubApi(opts.me, async (req) => {
    const own = await opts.handle?.(req);
    if (own) return own;
    const { input, url, route } = req;
    if (route === "GET /api/v1/steps") {
      calls.lists.push(url.searchParams);
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const kind = url.searchParams.get("kind");
      const tag = url.searchParams.get("tag");
      const items = steps.filter(
        (s) =>
          (!q || q.split(/\s+/).every((w) => `${s.title} ${s.body}`.toLowerCase().includes(w))) &&
          (!kind || s.kind === kind) &&
          (!tag || (s.tags as string[]).includes(tag)),
      );
      const limit = Number(url.searchParams.get("limit") ?? 50);
      const offset = Number(url.searchParams.get("cursor") ?? 0);
      const more = offset + limit < items.length;
      return json(200, { items: items.slice(offset, offset + limit), next_cursor: more ? String(offset + limit) : null });
    }
    if (route === "GET /api/v1/steps/facets") return json(200, { tags: ["credentials", "outlook", "vpn"], categories: ["Email", "Network"] });
    if (route === "GET /api/v1/teams") return json(200, { items: [{ id: TEAM_ID, name: "Service desk" }] });
    if (route === "POST /api/v1/steps") {
      const body = (await input.clone().json()) as Obj;
      calls.created.push(body);
      const step = fakeStep({ ...body, id: "55555555-5555-5555-5555-555555555555", revision: 1 });
      steps.push(step);
      return json(201, step);
    }
    if (route === "GET /api/v1/steps/flags") {
      const stepId = url.searchParams.get("step_id");
      return json(200, { items: flags.filter((f) => !stepId || f.step_id === stepId), next_cursor: null });
    }
    const close = route.match(/^POST \/api\/v1\/steps\/flags\/([^/]+)\/(resolve|dismiss)$/);
    if (close) {
      const flag = flags.find((f) => f.id === close[1]);
      if (!flag) return json(404, { title: "Not found", status: 404, detail: "No such flag." });
      if (flag.status !== "open") return json(409, { title: "Conflict", status: 409, detail: `This flag is already ${String(flag.status)}.` });
      calls.closed.push({ id: close[1]!, verdict: close[2]! });
      flag.status = close[2] === "resolve" ? "resolved" : "dismissed";
      const step = steps.find((s) => s.id === flag.step_id);
      if (step) step.open_flags = Math.max(0, Number(step.open_flags) - 1);
      return json(200, flag);
    }
    const m = route.match(/^(GET|PUT|DELETE|POST) \/api\/v1\/steps\/([^/]+)(?:\/(rating|ratings|flags))?$/);
    if (m) {
      const [, method, id, sub] = m;
      const step = steps.find((s) => s.id === id);
      if (!step) return json(404, { title: "Not found", status: 404, detail: "No such step." });
      if (method === "GET" && !sub) return json(200, step);
      if (method === "GET" && sub === "ratings") return json(200, { items: reviews });
      if (method === "PUT" && sub === "rating") {
        const body = (await input.clone().json()) as { stars: number; review: string };
        calls.ratings.push(body);
        const mine = { user_id: ME_ID, user_name: "Erin Engineer", stars: body.stars, review: body.review, updated_at: new Date().toISOString() };
        const others = reviews.filter((r) => r.user_id !== ME_ID);
        reviews.splice(0, reviews.length, mine, ...others);
        const all = reviews.map((r) => Number(r.stars));
        Object.assign(step, { my_rating: mine, rating_count: all.length, rating_avg: all.reduce((a, b) => a + b, 0) / all.length });
        return json(200, step);
      }
      if (method === "POST" && sub === "flags") {
        const body = (await input.clone().json()) as { reason: string };
        calls.flagged.push(body.reason);
        const flag = {
          id: `flag-${flags.length + 1}`,
          step_id: id,
          step_title: step.title,
          team_id: null,
          reason: body.reason,
          status: "open",
          reporter_id: ME_ID,
          reporter_name: "Erin Engineer",
          created_at: new Date().toISOString(),
          closed_at: null,
          closed_by_id: null,
          note: "",
          may_close: false,
        };
        flags.unshift(flag);
        step.open_flags = Number(step.open_flags) + 1;
        return json(201, flag);
      }
      if (method === "PUT" && !sub) {
        const body = (await input.clone().json()) as Obj;
        calls.updated.push(body);
        if (body.revision != null && body.revision !== step.revision) {
          return json(409, { type: "https://resolutionflow.dev/problems/conflict", title: "Conflict", status: 409, detail: "The step was changed since you opened it." });
        }
        const { revision: _ignored, ...rest } = body;
        Object.assign(step, rest, { revision: Number(step.revision) + 1 });
        return json(200, step);
      }
      if (method === "DELETE" && !sub) {
        calls.deleted.push(id!);
        steps.splice(steps.indexOf(step), 1);
        return new Response(null, { status: 204 });
      }
    }
    return undefined;
  });
  return { steps, flags, reviews, calls };
}
