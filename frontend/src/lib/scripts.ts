/**
 * The script library's shapes, labels, query keys and the render call, shared by the Scripts
 * pages and the session runner's script card: features don't import each other, so what both
 * need lives here.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody, ResponseBody } from "@/api/types";
import { toProblem } from "@/lib/problem";

export type Script = ResponseBody<"/api/v1/scripts/{script_id}", "get">;
export type ScriptPage = ResponseBody<"/api/v1/scripts", "get">;
export type ScriptCreate = RequestBody<"/api/v1/scripts", "post">;
export type ScriptUpdate = RequestBody<"/api/v1/scripts/{script_id}", "put">;
export type ScriptParam = Script["params"][number];
export type RenderIn = RequestBody<"/api/v1/scripts/{script_id}/render", "post">;
export type DraftOut = ResponseBody<"/api/v1/scripts/draft", "post">;

export const LANGUAGES = ["powershell", "bash", "cmd", "python"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABELS: Record<Language, string> = {
  powershell: "PowerShell",
  bash: "Bash",
  cmd: "cmd",
  python: "Python",
};

export const RISKS = ["read_only", "changes_state", "destructive"] as const;
export type Risk = (typeof RISKS)[number];
export const RISK_LABELS: Record<Risk, string> = {
  read_only: "Read-only",
  changes_state: "Changes state",
  destructive: "Destructive",
};
export const RISK_TONES: Record<Risk, "green" | "amber" | "red"> = {
  read_only: "green",
  changes_state: "amber",
  destructive: "red",
};

export const PARAM_TYPES = ["string", "int", "bool", "choice", "hostname", "path", "secret"] as const;
export type ParamType = (typeof PARAM_TYPES)[number];
export const PARAM_TYPE_LABELS: Record<ParamType, string> = {
  string: "Text",
  int: "Whole number",
  bool: "Yes / no",
  choice: "Choice",
  hostname: "Host name",
  path: "Path",
  secret: "Secret",
};

export function languageLabel(language: string): string {
  return (LANGUAGE_LABELS as Record<string, string>)[language] ?? language;
}

export function riskLabel(risk: string): string {
  return (RISK_LABELS as Record<string, string>)[risk] ?? risk;
}

export function riskTone(risk: string): "green" | "amber" | "red" {
  return (RISK_TONES as Record<string, "green" | "amber" | "red">)[risk] ?? "amber";
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The `{{name}}` placeholders of a body, in order of first use. */
export function placeholders(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) seen.add(m[1]!);
  return [...seen];
}

export const scriptKeys = {
  all: ["scripts"] as const,
  lists: ["scripts", "list"] as const,
  list: (q: string) => ["scripts", "list", q] as const,
  detail: (id: string) => ["scripts", "detail", id] as const,
};

export const scriptsQuery = (q: string) =>
  queryOptions({
    queryKey: scriptKeys.list(q),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/scripts", { params: { query: q ? { q } : {} }, signal })),
    placeholderData: keepPreviousData,
  });

/** GET /scripts?q= — every word as a prefix, best match first; without q, most recently updated. */
export function useScripts(q: string) {
  return useQuery(scriptsQuery(q));
}

export const scriptQuery = (id: string) =>
  queryOptions({
    queryKey: scriptKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/scripts/{script_id}", { params: { path: { script_id: id } }, signal })),
    enabled: Boolean(id),
  });

export function useScript(id: string) {
  return useQuery(scriptQuery(id));
}

/**
 * What a session already knows for a script's parameters: a captured `{{variable}}` of the same
 * name, else a maintenance target's field (`target.<name>`); a host name parameter falls back to
 * the target's `hostname` field or its label.
 */
export function knownValues(params: ScriptParam[], variables: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of params) {
    if (p.type === "secret") continue;
    const found = variables[p.name] ?? variables[`target.${p.name}`] ?? (p.type === "hostname" ? (variables["target.hostname"] ?? variables["target.label"]) : undefined);
    if (found !== undefined && found !== "") out[p.name] = found;
  }
  return out;
}

export type ParamValues = Record<string, string | boolean>;

/** Starting values: each parameter's default, else empty (a bool starts false). */
export function initialValues(params: ScriptParam[], known: Record<string, string> = {}): ParamValues {
  const out: ParamValues = {};
  for (const p of params) {
    const given = known[p.name];
    if (p.type === "bool") out[p.name] = given !== undefined ? /^(true|1|yes|on)$/i.test(given) : p.default === true;
    else if (given !== undefined && p.type !== "secret") out[p.name] = given;
    else out[p.name] = p.default == null || p.type === "secret" ? "" : String(p.default);
  }
  return out;
}

/** Per-parameter messages from a render 422 (`loc: ["body","values",name]`). */
export function valueErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of toProblem(error).errors) {
    if (e.loc[0] === "body" && e.loc[1] === "values" && e.loc.length >= 3) out[String(e.loc[2])] = e.msg;
  }
  return out;
}

/**
 * POST /scripts/{id}/render — the script with each value checked and quoted for its language; with
 * `session_id`, "ran script" goes on the session's timeline (secrets masked).
 */
export function useRenderScript(scriptId: string, sessionId?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: ParamValues) =>
      unwrap(
        api.POST("/api/v1/scripts/{script_id}/render", {
          params: { path: { script_id: scriptId } },
          body: { values, ...(sessionId ? { session_id: sessionId } : {}) },
        }),
      ),
    onSuccess: () => {
      if (sessionId) void qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId) });
    },
  });
}
