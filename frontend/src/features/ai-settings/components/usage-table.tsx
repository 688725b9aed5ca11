/** The usage report's tables: per day (grouped), and small summaries per model and per action. */
import { Fragment } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { UsageRow } from "../api/get-ai-usage";
import { formatUsd, providerLabel } from "../model/settings-form";
import { actionLabel, formatCount, formatDay, groupByDay, summarise } from "../model/usage";

export function UsageTable({ rows }: { rows: readonly UsageRow[] }) {
  const days = groupByDay(rows);
  return (
    <Table label="AI usage by day">
      <THead>
        <Th>Provider · model</Th>
        <Th>Action</Th>
        <Th className="text-right">Calls</Th>
        <Th className="text-right">Fallbacks</Th>
        <Th className="text-right">Input tokens</Th>
        <Th className="text-right">Output tokens</Th>
        <Th className="text-right">Cache reads</Th>
        <Th className="text-right">Est. cost</Th>
      </THead>
      <TBody>
        {days.map((d) => (
          <Fragment key={d.day}>
            <tr className="bg-slate-50/80" data-testid={`usage-day-${d.day}`}>
              <th scope="rowgroup" colSpan={2} className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">
                {formatDay(d.day)}
              </th>
              <td className="px-3 py-1.5 text-right text-xs font-semibold tabular-nums text-slate-700">{formatCount(d.totals.calls)}</td>
              <td className="px-3 py-1.5 text-right text-xs tabular-nums text-slate-500">{formatCount(d.totals.fallbacks)}</td>
              <td className="px-3 py-1.5 text-right text-xs tabular-nums text-slate-500">{formatCount(d.totals.input_tokens)}</td>
              <td className="px-3 py-1.5 text-right text-xs tabular-nums text-slate-500">{formatCount(d.totals.output_tokens)}</td>
              <td className="px-3 py-1.5 text-right text-xs tabular-nums text-slate-500">{formatCount(d.totals.cache_read_tokens)}</td>
              <td className="px-3 py-1.5 text-right text-xs font-semibold tabular-nums text-slate-700">{formatUsd(String(d.totals.cost))}</td>
            </tr>
            {d.rows.map((r) => (
              <Tr key={`${r.provider}|${r.model}|${r.action}`}>
                <Td className="pl-6">
                  {providerLabel(r.provider)} <span className="font-mono text-xs text-slate-500">· {r.model}</span>
                </Td>
                <Td>{actionLabel(r.action)}</Td>
                <Td className="text-right tabular-nums">{formatCount(r.calls)}</Td>
                <Td className="text-right tabular-nums">{r.fallbacks ? formatCount(r.fallbacks) : "—"}</Td>
                <Td className="text-right tabular-nums">{formatCount(r.input_tokens)}</Td>
                <Td className="text-right tabular-nums">{formatCount(r.output_tokens)}</Td>
                <Td className="text-right tabular-nums">{r.cache_read_tokens ? formatCount(r.cache_read_tokens) : "—"}</Td>
                <Td className="text-right tabular-nums">{formatUsd(r.cost_usd)}</Td>
              </Tr>
            ))}
          </Fragment>
        ))}
      </TBody>
    </Table>
  );
}

export function UsageSummary({ rows }: { rows: readonly UsageRow[] }) {
  const byModel = summarise(rows, (r) => `${providerLabel(r.provider)} · ${r.model}`);
  const byAction = summarise(rows, (r) => actionLabel(r.action));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <SmallSummary label="Usage by model" head="Model" items={byModel} />
      <SmallSummary label="Usage by action" head="Action" items={byAction} />
    </div>
  );
}

function SmallSummary({ label, head, items }: { label: string; head: string; items: ReturnType<typeof summarise> }) {
  return (
    <Table label={label}>
      <THead>
        <Th>{head}</Th>
        <Th className="text-right">Calls</Th>
        <Th className="text-right">Tokens (in / out)</Th>
        <Th className="text-right">Est. cost</Th>
      </THead>
      <TBody>
        {items.map((i) => (
          <Tr key={i.key}>
            <Td>{i.key}</Td>
            <Td className="text-right tabular-nums">{formatCount(i.totals.calls)}</Td>
            <Td className="text-right text-xs tabular-nums">
              {formatCount(i.totals.input_tokens)} / {formatCount(i.totals.output_tokens)}
            </Td>
            <Td className="text-right tabular-nums">{formatUsd(String(i.totals.cost))}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
