/** The headline figures: a card each, with the change against the previous period and a trend line. */
import { useId } from "react";
import type { Overview } from "../api/types";
import { type HeadlineCard, headlineCards } from "../model/headline";
import { ChangeBadge } from "./change-badge";
import { COLOURS, Sparkline } from "./charts";

export function HeadlineCards({ overview }: { overview: Overview }) {
  const cards = headlineCards(overview);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {cards.map((card) => (
        <Card key={card.key} card={card} />
      ))}
    </div>
  );
}

const TREND_COLOURS: Record<string, string> = {
  resolved: COLOURS.emerald,
  resolution_rate: COLOURS.emerald,
  escalation_rate: COLOURS.rose,
  mttr: COLOURS.violet,
};

function Card({ card }: { card: HeadlineCard }) {
  const id = useId();
  return (
    <article
      aria-labelledby={id}
      data-testid={`headline-${card.key}`}
      className="flex flex-col rounded-lg bg-white p-3 ring-1 ring-slate-200"
    >
      <h3 id={id} className="text-xs font-medium text-slate-500" title={card.help}>
        {card.title}
      </h3>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid="value">
        {card.value}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
        <ChangeBadge change={card.change} />
        {card.sub && <span className="text-xs text-slate-500">{card.sub}</span>}
      </div>
      <p className="sr-only">{card.help}</p>
      <div className="mt-auto">{card.trend && <Sparkline values={card.trend} colour={TREND_COLOURS[card.key]} />}</div>
    </article>
  );
}

export function HeadlineSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-hidden="true" data-testid="headline-skeleton">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-28 animate-pulse rounded-lg bg-white p-3 ring-1 ring-slate-200 motion-reduce:animate-none">
          <div className="h-3 w-24 rounded bg-slate-200" />
          <div className="mt-3 h-6 w-16 rounded bg-slate-200" />
          <div className="mt-3 h-8 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
