/** Query keys of analytics: every read hangs off ["analytics"], keyed by the query it sent. */
import type { AnalyticsQuery } from "../model/filters";

export const analyticsKeys = {
  all: ["analytics"] as const,
  overview: (q: AnalyticsQuery) => ["analytics", "overview", q] as const,
  flows: (q: AnalyticsQuery) => ["analytics", "flows", q] as const,
  flow: (id: string, q: AnalyticsQuery) => ["analytics", "flow", id, q] as const,
  coverage: (q: AnalyticsQuery, map: string) => ["analytics", "coverage", map, q] as const,
  sessions: (q: Record<string, string>) => ["analytics", "sessions", q] as const,
  teams: ["analytics", "filter-options", "teams"] as const,
  people: (q: string) => ["analytics", "filter-options", "people", q] as const,
  person: (id: string) => ["analytics", "filter-options", "person", id] as const,
};

/** Figures move only as sessions finish: a minute is fresh enough, and filters flip back fast. */
export const ANALYTICS_STALE_MS = 60_000;
