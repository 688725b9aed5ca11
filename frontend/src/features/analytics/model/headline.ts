/**
 * The headline cards of the overview: each figure, how it reads, its change against the previous
 * period (and which way is better), and its daily trend where the API has one per day.
 */
import type { Overview } from "../api/types";
import { type Better, type Change, change, type FigureKind } from "./change";
import { formatCount, formatRate, formatSeconds, share } from "./format";

export interface HeadlineCard {
  key: string;
  title: string;
  value: string;
  sub?: string;
  change: Change;
  /** One value per day of the range, when the API gives one. */
  trend?: (number | null)[];
  /** What the figure means (docs/analytics.md). */
  help: string;
}

type Figures = Omit<Overview["previous"], "from" | "to" | "days">;

export function headlineCards(o: Overview): HeadlineCard[] {
  const previous = o.previous as Figures;
  const current = o as Figures;
  const versus = `the previous ${o.days} days`;
  const diff = (key: keyof Figures, kind: FigureKind, better: Better) =>
    change(current[key] as number | null, previous[key] as number | null, kind, better, versus);
  const series = o.series;
  return [
    {
      key: "sessions",
      title: "Sessions",
      value: formatCount(o.sessions),
      change: diff("sessions", "count", "neither"),
      trend: series.map((d) => d.sessions),
      help: "Sessions started in the range.",
    },
    {
      key: "resolved",
      title: "Resolved",
      value: formatCount(o.resolved),
      change: diff("resolved", "count", "up"),
      trend: series.map((d) => d.resolved),
      help: "Sessions started in the range that are resolved now.",
    },
    {
      key: "resolution_rate",
      title: "Resolution rate",
      value: formatRate(o.resolution_rate),
      sub: `${formatCount(o.resolved)} of ${formatCount(o.sessions)}`,
      change: diff("resolution_rate", "rate", "up"),
      trend: series.map((d) => share(d.resolved, d.sessions)),
      help: "Resolved sessions as a share of all sessions.",
    },
    {
      key: "mttr",
      title: "MTTR (median)",
      value: formatSeconds(o.mttr_seconds),
      sub: `mean ${formatSeconds(o.mttr_mean_seconds)}`,
      change: diff("mttr_seconds", "duration", "down"),
      trend: series.map((d) => d.mttr_seconds),
      help: "Median active time to resolve (pauses and escalation waits excluded); the mean beside it.",
    },
    {
      key: "first_contact",
      title: "First-contact resolution",
      value: formatRate(o.first_contact_resolution_rate),
      sub: `${formatCount(o.first_contact_resolved)} without escalation`,
      change: diff("first_contact_resolution_rate", "rate", "up"),
      trend: series.map((d) => share(d.first_contact_resolved, d.sessions)),
      help: "Sessions resolved without ever being escalated, as a share of all sessions.",
    },
    {
      key: "escalation_rate",
      title: "Escalation rate",
      value: formatRate(o.escalation_rate),
      sub: `${formatCount(o.escalated)} escalated`,
      change: diff("escalation_rate", "rate", "down"),
      trend: series.map((d) => share(d.escalated, d.sessions)),
      help: "Sessions escalated at least once, as a share of all sessions.",
    },
    {
      key: "unresolved_rate",
      title: "Unresolved rate",
      value: formatRate(o.unresolved_rate),
      sub: `${formatCount(o.unresolved)} unresolved`,
      change: diff("unresolved_rate", "rate", "down"),
      trend: series.map((d) => share(d.unresolved, d.sessions)),
      help: "Sessions that ended unresolved, as a share of all sessions.",
    },
    {
      key: "abandonment_rate",
      title: "Abandonment rate",
      value: formatRate(o.abandonment_rate),
      sub: `${formatCount(o.abandoned)} abandoned`,
      change: diff("abandonment_rate", "rate", "down"),
      trend: series.map((d) => share(d.abandoned, d.sessions)),
      help: "Sessions abandoned, as a share of all sessions.",
    },
    ...(o.workaround_rate != null
      ? [
          {
            key: "workaround_rate",
            title: "Workaround rate",
            value: formatRate(o.workaround_rate),
            change: diff("workaround_rate", "rate", "neither"),
            trend: series.map((d) => share(d.workaround, d.sessions)),
            help: "Sessions closed with a workaround, as a share of all sessions.",
          },
        ]
      : []),
  ];
}
