/** Grouping and labels for the AI usage report. */
import type { UsageRow } from "../api/get-ai-usage";

const ACTION_LABELS: Record<string, string> = {
  copilot_chat: "Copilot chat",
  assist_chat: "ResolutionAssist chat",
  fact_extraction: "Fact extraction",
  pilot_step: "Copilot step",
  resolution_note: "Resolution note",
  escalation_assessment: "Escalation assessment",
  flow_generation: "Flow generation",
  script_draft: "Script drafts",
  connection_test: "Connection test",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? (action.charAt(0).toUpperCase() + action.slice(1)).replaceAll("_", " ");
}

export interface Totals {
  calls: number;
  fallbacks: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cost: number;
}

const zero = (): Totals => ({ calls: 0, fallbacks: 0, input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cost: 0 });

function add(t: Totals, r: UsageRow): Totals {
  t.calls += r.calls;
  t.fallbacks += r.fallbacks;
  t.input_tokens += r.input_tokens;
  t.output_tokens += r.output_tokens;
  t.cache_read_tokens += r.cache_read_tokens;
  t.cost += Number(r.cost_usd) || 0;
  return t;
}

/** Rows by day, in the server's order (newest day first), with each day's totals. */
export function groupByDay(rows: readonly UsageRow[]): { day: string; rows: UsageRow[]; totals: Totals }[] {
  const out: { day: string; rows: UsageRow[]; totals: Totals }[] = [];
  for (const r of rows) {
    let g = out[out.length - 1];
    if (!g || g.day !== r.day) {
      g = { day: r.day, rows: [], totals: zero() };
      out.push(g);
    }
    g.rows.push(r);
    add(g.totals, r);
  }
  return out;
}

/** Totals per key (e.g. provider + model, or action), most calls first. */
export function summarise(rows: readonly UsageRow[], key: (r: UsageRow) => string): { key: string; totals: Totals }[] {
  const map = new Map<string, Totals>();
  for (const r of rows) {
    const k = key(r);
    map.set(k, add(map.get(k) ?? zero(), r));
  }
  return [...map.entries()].map(([k, totals]) => ({ key: k, totals })).sort((a, b) => b.totals.calls - a.totals.calls || a.key.localeCompare(b.key));
}

/** Today's date in UTC (the server's days are UTC), as YYYY-MM-DD, shifted by `days`. */
export function utcDay(days = 0, now: Date = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Why the range can't be asked for, or null. */
export function rangeProblem(since: string, until: string): string | null {
  if (!DAY_RE.test(since) || !DAY_RE.test(until)) return "Pick both dates.";
  if (since > until) return "The start date is after the end date.";
  const days = (Date.parse(until) - Date.parse(since)) / 86_400_000;
  if (days > 366) return "Pick at most a year at a time.";
  return null;
}

const num = new Intl.NumberFormat("en-US");
export const formatCount = (n: number) => num.format(n);

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
export function formatDay(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? day : dayFmt.format(t);
}
