/**
 * Tests only: the script library API over an in-memory list, behaving like the server for what the
 * pages use (search by words, render with quoting by language, a 422 per bad value, drafts).
 */
import { ME_ID, json, stubApi, type ApiHandler } from "@/testing/fake-api";

type Obj = Record<string, unknown>;

export const SCRIPT_ID = "66666666-6666-6666-6666-666666666666";

export function fakeScript(over: Obj = {}): Obj {
  return {
    id: SCRIPT_ID,
    title: "Restart a service",
    language: "powershell",
    body: "Restart-Service -Name {{service}} -ComputerName {{host}}",
    params: [
      { name: "service", type: "string", required: true, default: null, pattern: null, choices: [], help: "The service's name" },
      { name: "host", type: "hostname", required: false, default: "localhost", pattern: null, choices: [], help: "" },
    ],
    description: "Restarts a Windows service.",
    tags: ["windows"],
    risk: "changes_state",
    team_id: null,
    created_by_id: ME_ID,
    revision: 1,
    can_edit: true,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    ...over,
  };
}

export interface ScriptCalls {
  lists: URLSearchParams[];
  created: Obj[];
  rendered: Obj[];
  drafts: Obj[];
}

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;

export function scriptServer(opts: { me: object; scripts?: Obj[]; draft?: Obj; handle?: ApiHandler }) {
  const scripts = opts.scripts ?? [fakeScript()];
  const calls: ScriptCalls = { lists: [], created: [], rendered: [], drafts: [] };
  stubApi(opts.me, async (req) => {
    const own = await opts.handle?.(req);
    if (own) return own;
    const { input, url, route } = req;
    if (route === "GET /api/v1/scripts") {
      calls.lists.push(url.searchParams);
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const items = scripts.filter((s) => !q || q.split(/\s+/).every((w) => `${String(s.title)} ${String(s.description)}`.toLowerCase().includes(w)));
      return json(200, { items });
    }
    if (route === "POST /api/v1/scripts") {
      const body = (await input.clone().json()) as Obj;
      calls.created.push(body);
      const s = fakeScript({ ...body, id: "77777777-7777-7777-7777-777777777777" });
      scripts.push(s);
      return json(201, s);
    }
    if (route === "POST /api/v1/scripts/draft") {
      const body = (await input.clone().json()) as Obj;
      calls.drafts.push(body);
      return json(200, opts.draft ?? { source: "library", message: "No AI model is configured, so nothing was drafted: here are the closest scripts in your library instead.", review_note: "Review before running", draft: null, lint: [], lint_note: "", matches: scripts });
    }
    const m = route.match(/^(GET|POST|DELETE) \/api\/v1\/scripts\/([^/]+)(\/render)?$/);
    if (m) {
      const s = scripts.find((x) => x.id === m[2]);
      if (!s) return json(404, { title: "Not found", status: 404, detail: "No such script." });
      if (m[1] === "GET") return json(200, s);
      if (m[1] === "DELETE") return json(204, null);
      const body = (await input.clone().json()) as { values: Record<string, string>; session_id?: string };
      calls.rendered.push(body);
      const errors = (s.params as Obj[])
        .filter((p) => p.required && !body.values[String(p.name)])
        .map((p) => ({ loc: ["body", "values", p.name], msg: "a value is required", type: "value_error" }));
      if (errors.length) return json(422, { title: "Validation failed", status: 422, detail: "Some parameters are not acceptable.", errors });
      const script = String(s.body).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, n: string) => quote(body.values[n] || String((s.params as Obj[]).find((p) => p.name === n)?.default ?? "")));
      return json(200, { script, recorded_seq: body.session_id ? 7 : null });
    }
    return undefined;
  });
  return { calls, scripts };
}
