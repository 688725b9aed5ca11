/**
 * A proposal's draft. new_flow: the proposed flow read-only, as a diagram and as its steps in
 * reading order. enhancement / branch_addition: the change in one sentence, the diff against the
 * published version as a list (added, changed and removed steps and connections, with the text
 * before and after), and the changed flow as a diagram with the change highlighted.
 */
import { lazy, Suspense, useId, useMemo } from "react";
import { Markdown } from "@/components/markdown";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import type { FormatIn } from "@/lib/flow-graph/convert";
import { NODE_TYPE_LABELS, type NodeType, OUTCOME_LABELS, type Outcome } from "@/lib/flow-graph/types";
import { useBaseVersion } from "../api/get-base-version";
import type { Proposal } from "../api/types";
import {
  type CanvasMarks,
  canvasMarks,
  type DiffEntry,
  describeChange,
  diffEntries,
  diffIsEmpty,
  fieldLabel,
  type FlowDiff,
  readDraft,
  readingOrder,
} from "../model/draft-diff";

const ProposalCanvas = lazy(() => import("./proposal-canvas").then((m) => ({ default: m.ProposalCanvas })));

export function DraftPreview({ proposal }: { proposal: Proposal }) {
  const draft = useMemo(() => readDraft(proposal.draft), [proposal.draft]);
  const isChange = proposal.kind !== "new_flow";
  const base = useBaseVersion(isChange ? proposal.flow_id : null, isChange ? proposal.flow_version : null);
  const marks = useMemo(() => canvasMarks(isChange ? draft.diff : null), [draft, isChange]);

  if (!draft.document) {
    return <EmptyState title="No draft stored">This proposal has no draft to show.</EmptyState>;
  }
  const doc = draft.document;
  const change = describeChange(draft.change, (base.data?.graph as FormatIn | undefined) ?? doc);

  return (
    <div className="space-y-4">
      {isChange && (
        <div className="space-y-2">
          {change && (
            <p className="text-sm font-medium text-slate-800" data-testid="change-summary">
              {change}
            </p>
          )}
          {draft.diff ? (
            <DiffList diff={draft.diff} after={doc} before={(base.data?.graph as FormatIn | undefined) ?? null} version={proposal.flow_version ?? null} />
          ) : (
            <p className="text-sm text-slate-500">No diff was stored with this proposal.</p>
          )}
        </div>
      )}
      <div className={cn("grid gap-4", !isChange && "lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]")}>
        <div className="h-[55vh] min-h-80 overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
          <Suspense fallback={<LoadingBlock label="Loading the diagram" />}>
            <ProposalCanvas
              key={proposal.updated_at}
              document={doc}
              marks={marks}
              label={isChange ? "The flow with the proposed change" : "The proposed flow"}
            />
          </Suspense>
        </div>
        {!isChange && <StepList doc={doc} />}
      </div>
      {isChange && <Legend marks={marks} />}
    </div>
  );
}

function Legend({ marks }: { marks: CanvasMarks }) {
  if (marks.nodes.size === 0 && marks.edges.size === 0) return null;
  return (
    <p className="flex flex-wrap gap-4 text-xs text-slate-600" aria-label="Diagram legend">
      <span className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="size-3 rounded-sm outline-2 outline-emerald-500 outline-solid" /> Added
      </span>
      <span className="inline-flex items-center gap-1">
        <span aria-hidden="true" className="size-3 rounded-sm outline-2 outline-amber-500 outline-solid" /> Changed
      </span>
      <span>Removed steps and connections are listed above the diagram.</span>
    </p>
  );
}

const MARK_STYLE = {
  added: { chip: "bg-emerald-50 text-emerald-800 ring-emerald-200", word: "Added", sign: "+" },
  changed: { chip: "bg-amber-50 text-amber-800 ring-amber-200", word: "Changed", sign: "~" },
  removed: { chip: "bg-red-50 text-red-800 ring-red-200", word: "Removed", sign: "−" },
} as const;

const typeLabel = (t: string) => (t in NODE_TYPE_LABELS ? NODE_TYPE_LABELS[t as NodeType] : "Step");

/** The diff as a structured list, each entry marked with a word (not only a colour). */
export function DiffList({ diff, after, before, version }: { diff: FlowDiff; after: FormatIn; before: FormatIn | null; version: number | null }) {
  const headingId = useId();
  const entries = useMemo(() => diffEntries(diff, after, before), [diff, after, before]);
  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        Changes against {version !== null ? `published v${version}` : "the published version"}
      </h3>
      {diffIsEmpty(diff) ? (
        <p className="mt-1 text-sm text-slate-500">No differences.</p>
      ) : (
        <ul className="mt-2 space-y-1.5" data-testid="diff-list">
          {entries.map((entry, i) => (
            <DiffRow key={i} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DiffRow({ entry }: { entry: DiffEntry }) {
  const style = MARK_STYLE[entry.mark];
  const chip = (
    <span className={cn("inline-flex w-20 shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", style.chip)}>
      <span aria-hidden="true">{style.sign}</span>
      {style.word}
    </span>
  );
  if (entry.kind === "field") {
    return (
      <li className="flex items-start gap-2 text-sm" data-mark={entry.mark} data-testid="diff-entry">
        {chip}
        <span>Setting: {fieldLabel(entry.name)}</span>
      </li>
    );
  }
  if (entry.kind === "edge") {
    return (
      <li className="flex items-start gap-2 text-sm" data-mark={entry.mark} data-testid="diff-entry">
        {chip}
        <span>
          Connection <span className="font-medium">{entry.sourceTitle}</span>
          {entry.label ? <> — “{entry.label}” → </> : " → "}
          <span className="font-medium">{entry.targetTitle}</span>
        </span>
      </li>
    );
  }
  const changedTitle = entry.before && entry.after && entry.before.title !== entry.after.title;
  const changedBody = entry.before && entry.after && entry.before.body !== entry.after.body;
  return (
    <li className="flex items-start gap-2 text-sm" data-mark={entry.mark} data-testid="diff-entry">
      {chip}
      <div className="min-w-0">
        <p>
          <span className="text-xs text-slate-500">{typeLabel(entry.type)}</span>{" "}
          <span className={cn("font-medium", entry.mark === "removed" && "line-through decoration-red-400")}>{entry.title}</span>
        </p>
        {changedTitle && (
          <p className="text-xs text-slate-600">
            Title: <del className="text-red-700">{entry.before!.title}</del> → <ins className="text-emerald-700 no-underline">{entry.after!.title}</ins>
          </p>
        )}
        {changedBody && (
          <div className="mt-1 grid gap-2 text-xs sm:grid-cols-2">
            <div className="rounded bg-red-50 px-2 py-1 ring-1 ring-red-100">
              <p className="font-medium text-red-800">Before</p>
              <p className="whitespace-pre-wrap text-slate-700">{entry.before!.body || "(empty)"}</p>
            </div>
            <div className="rounded bg-emerald-50 px-2 py-1 ring-1 ring-emerald-100">
              <p className="font-medium text-emerald-800">After</p>
              <p className="whitespace-pre-wrap text-slate-700">{entry.after!.body || "(empty)"}</p>
            </div>
          </div>
        )}
        {entry.mark === "added" && entry.after?.body && <p className="mt-0.5 text-xs whitespace-pre-wrap text-slate-600">{entry.after.body}</p>}
      </div>
    </li>
  );
}

/** The proposed flow's steps in reading order, each with where its answers lead. */
function StepList({ doc }: { doc: FormatIn }) {
  const order = useMemo(() => readingOrder(doc), [doc]);
  const titles = useMemo(() => new Map(order.map((n) => [n.id, n.title || n.id])), [order]);
  return (
    <section aria-label="Proposed steps" className="max-h-[55vh] space-y-2 overflow-y-auto pr-1" data-testid="draft-steps">
      {order.map((n, i) => {
        const outs = (doc.edges ?? []).filter((e) => e.source === n.id);
        return (
          <article key={n.id} className="rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200">
            <header className="flex items-center gap-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
              <span>{i + 1}.</span>
              <span>{typeLabel(n.type)}</span>
              {n.type === "resolution" && n.outcome && n.outcome in OUTCOME_LABELS && <span>· {OUTCOME_LABELS[n.outcome as Outcome]}</span>}
              {n.id === doc.start && <span className="rounded bg-slate-800 px-1 text-white">Start</span>}
            </header>
            <h4 className="mt-0.5 text-sm font-semibold text-slate-900">{n.title || "Untitled"}</h4>
            {n.body && <Markdown source={n.body} className="mt-1" />}
            {outs.length > 0 && (
              <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
                {outs.map((e, j) => (
                  <li key={j}>
                    {e.label ? <span className="font-medium text-slate-800">{e.label}</span> : "Next"} → {titles.get(e.target) ?? e.target}
                  </li>
                ))}
              </ul>
            )}
          </article>
        );
      })}
    </section>
  );
}
