/**
 * The overview's charts (Recharts, SVG): a sparkline per headline card, sessions per day, where the
 * sessions stand, FlowPilot's tier mix and the PSA push funnel. Animations are off: figures should
 * be read, and a PNG saved at once must not catch a chart half-drawn.
 */
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Overview, SeriesDay } from "../api/types";
import { formatDay } from "../model/filters";
import { formatCount, formatSeconds, outcomeLabel } from "../model/format";

export const COLOURS = {
  indigo: "#4f46e5",
  emerald: "#059669",
  rose: "#e11d48",
  amber: "#d97706",
  slate: "#64748b",
  sky: "#0284c7",
  violet: "#7c3aed",
} as const;

const AXIS = { fontSize: 11, fill: "#64748b" };
const TOOLTIP = { contentStyle: { fontSize: 12, borderRadius: 6 }, labelStyle: { fontWeight: 600 } };

export function Sparkline({ values, colour = COLOURS.indigo }: { values: (number | null)[]; colour?: string }) {
  if (values.length < 2 || values.every((v) => v === null)) return null;
  const data = values.map((v, i) => ({ i, v }));
  return (
    <div className="mt-2 h-8" aria-hidden="true" data-testid="sparkline">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 160, height: 32 }}>
        <LineChart data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
          <YAxis hide domain={["auto", "auto"]} />
          <Line type="monotone" dataKey="v" stroke={colour} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

const shortDay = (iso: string) => formatDay(iso).replace(/,? \d{4}$/, "");

/** Sessions, resolved and escalated per day (and MTTR in the tooltip). */
export function TrendChart({ series }: { series: SeriesDay[] }) {
  return (
    <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 560, height: 240 }}>
      <LineChart data={series} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDay} tick={AXIS} minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip
          {...TOOLTIP}
          labelFormatter={(d) => formatDay(String(d))}
          formatter={(value, name) => [name === "MTTR" ? formatSeconds(Number(value)) : formatCount(Number(value)), name]}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="sessions" name="Sessions" stroke={COLOURS.indigo} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="resolved" name="Resolved" stroke={COLOURS.emerald} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="escalated" name="Escalated" stroke={COLOURS.rose} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

interface Bars {
  label: string;
  value: number;
  colour: string;
}

function BarsChart({ bars, height = 200 }: { bars: Bars[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 400, height }}>
      <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} />
        <YAxis type="category" dataKey="label" width={96} tick={AXIS} />
        <Tooltip {...TOOLTIP} cursor={{ fill: "#f1f5f9" }} formatter={(v) => [formatCount(Number(v)), "Sessions"]} />
        <Bar dataKey="value" isAnimationActive={false} radius={[0, 3, 3, 0]}>
          {bars.map((b) => (
            <Cell key={b.label} fill={b.colour} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The figures a chart draws, as text (for everyone, and for screen readers). */
export function Figures({ items, label }: { items: { label: string; value: string; colour?: string }[]; label: string }) {
  return (
    <ul aria-label={label} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          {item.colour && <span aria-hidden="true" className="inline-block size-2 rounded-sm" style={{ background: item.colour }} />}
          <span>{item.label}</span>
          <span className="font-semibold text-slate-900 tabular-nums">{item.value}</span>
        </li>
      ))}
    </ul>
  );
}

const OUTCOME_COLOURS: Record<string, string> = {
  resolved: COLOURS.emerald,
  workaround: COLOURS.violet,
  unresolved: COLOURS.slate,
  abandoned: COLOURS.amber,
  escalated: COLOURS.rose,
  open: COLOURS.sky,
};

/** The six outcomes, adding up to the sessions: "resolved" is resolved without a workaround. */
export function outcomeBars(byOutcome: Overview["by_outcome"]): Bars[] {
  return (["resolved", "workaround", "unresolved", "abandoned", "escalated", "open"] as const).map((k) => ({
    label: outcomeLabel(k),
    value: byOutcome[k],
    colour: OUTCOME_COLOURS[k]!,
  }));
}

export function OutcomeChart({ byOutcome }: { byOutcome: Overview["by_outcome"] }) {
  return <BarsChart bars={outcomeBars(byOutcome)} />;
}

export function tierBars(pilot: Overview["pilot"]): Bars[] {
  return [
    { label: "Discovery", value: pilot.tiers.discovery, colour: COLOURS.slate },
    { label: "Exploring", value: pilot.tiers.exploring, colour: COLOURS.amber },
    { label: "Guided", value: pilot.tiers.guided, colour: COLOURS.emerald },
  ];
}

export function TierChart({ pilot }: { pilot: Overview["pilot"] }) {
  return <BarsChart bars={tierBars(pilot)} height={150} />;
}

export function funnelBars(psa: Overview["psa_pushes"]): Bars[] {
  return [
    { label: "Queued", value: psa.queued, colour: COLOURS.indigo },
    { label: "Sent", value: psa.sent, colour: COLOURS.emerald },
    { label: "Failed", value: psa.failed, colour: COLOURS.rose },
    { label: "Pending", value: psa.pending, colour: COLOURS.slate },
  ];
}

export function FunnelChart({ psa }: { psa: Overview["psa_pushes"] }) {
  return <BarsChart bars={funnelBars(psa)} height={170} />;
}
