/** The running (or finished) test's figures per variant, and its significance tests. */
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDuration } from "@/lib/format";
import type { ExperimentResults, SignificanceTest, VariantResults } from "../api/types";
import { formatP, formatRate, METHOD_LABELS, SIGNIFICANT } from "../model/format";

const ROWS: { label: string; value: (v: VariantResults) => string; testId: string }[] = [
  { label: "Runs", value: (v) => String(v.runs), testId: "runs" },
  { label: "Still open", value: (v) => String(v.open), testId: "open" },
  { label: "Completed", value: (v) => String(v.completed), testId: "completed" },
  { label: "Resolved", value: (v) => String(v.resolved), testId: "resolved" },
  { label: "Resolution rate", value: (v) => formatRate(v.resolution_rate), testId: "rate" },
  { label: "Median time to resolve", value: (v) => formatDuration(v.median_active_seconds), testId: "median" },
  { label: "Escalations", value: (v) => String(v.escalations), testId: "escalations" },
  { label: "Abandoned", value: (v) => String(v.abandoned), testId: "abandoned" },
];

export function ResultsTable({ results, label }: { results: ExperimentResults; label: string }) {
  const { a, b } = results;
  return (
    <Table label={label}>
      <THead>
        <Th scope="col">Figure</Th>
        <Th scope="col">A · v{a.version}</Th>
        <Th scope="col">B · v{b.version}</Th>
      </THead>
      <TBody>
        {ROWS.map((row) => (
          <Tr key={row.testId}>
            <Th scope="row" className="text-sm font-medium tracking-normal text-slate-700 normal-case">
              {row.label}
            </Th>
            <Td data-testid={`a-${row.testId}`}>{row.value(a)}</Td>
            <Td data-testid={`b-${row.testId}`}>{row.value(b)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function TestLine({ name, test, waiting }: { name: string; test: SignificanceTest | null; waiting: string }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-medium text-slate-700">{name}</dt>{" "}
      <dd className="text-slate-600">
        {test ? (
          <>
            <span className={test.p_value < SIGNIFICANT ? "font-semibold text-emerald-700" : undefined}>{formatP(test.p_value)}</span>
            {` (${METHOD_LABELS[test.method] ?? test.method})`}
          </>
        ) : (
          waiting
        )}
      </dd>
    </div>
  );
}

export function SignificanceList({ results }: { results: ExperimentResults }) {
  return (
    <dl className="space-y-1 text-sm" data-testid="significance">
      <TestLine name="Resolution rate:" test={results.resolution_test} waiting="waiting for completed runs in both variants" />
      <TestLine name="Time to resolve:" test={results.time_test} waiting="waiting for resolved runs in both variants" />
      <div className="flex flex-wrap gap-x-2">
        <dt className="font-medium text-slate-700">Runs needed:</dt>{" "}
        <dd className="text-slate-600">
          {results.runs_needed_per_variant} completed per variant to detect a 10-point difference
          {results.more_runs_needed > 0 ? ` (${results.more_runs_needed} more)` : " (reached)"}
        </dd>
      </div>
    </dl>
  );
}
