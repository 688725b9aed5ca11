/** /flows/:id — the flow read-only: its graph on a canvas and its steps as a list. */
import { type ReactNode, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { ReadOnlyCanvas } from "@/components/flow-canvas/read-only-canvas";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { LoadFailed } from "@/components/ui/load-failed";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { fromFormat } from "@/lib/flow-graph/convert";
import { type EditorGraph, flowKindLabel, NODE_TYPE_LABELS, OUTCOME_LABELS } from "@/lib/flow-graph/types";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useExportFlow } from "../api/export-flow";
import { useFlow } from "../api/get-flow";
import { useFlowVersion } from "../api/get-version";
import { readingOrder } from "./preview-order";

/** `actions`: more buttons for the header, from other features (the route fills it: the A/B test link). */
export function FlowPreviewPage({ actions }: { actions?: (flow: { id: string; latestVersion: number | null }) => ReactNode } = {}) {
  const { id = "" } = useParams();
  const flow = useFlow(id);
  const canEdit = useHasRole("engineer");
  const [choice, setChoice] = useState<"draft" | "published" | null>(null);
  const showing = choice ?? (flow.data?.latest_version ? "published" : "draft");
  const version = useFlowVersion(id, showing === "published" ? (flow.data?.latest_version ?? null) : null);
  const exportFlow = useExportFlow();
  const toast = useToast();

  const graph = useMemo<EditorGraph | null>(() => {
    if (!flow.data) return null;
    const source = showing === "published" ? version.data?.graph : flow.data.draft;
    return source ? fromFormat(source as Parameters<typeof fromFormat>[0]) : null;
  }, [flow.data, version.data, showing]);

  if (flow.isPending) return <LoadingBlock label="Loading flow" />;
  if (flow.isError) {
    return (
      <LoadFailed
        error={flow.error}
        onRetry={() => void flow.refetch()}
        thing="flow"
        back={{ to: "/flows", label: "Back to flows" }}
      />
    );
  }
  const f = flow.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link to="/flows" className="text-sm text-slate-500 hover:text-slate-900">
            ← Flows
          </Link>
          <h1 className="mt-1 text-lg font-semibold text-slate-900">{graph?.meta.title || f.title}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <Badge tone="indigo">{flowKindLabel(f.kind)}</Badge>
            {f.category && <span className="font-medium text-slate-600">{f.category}</span>}
            {f.tags.map((t) => (
              <span key={t} className="rounded bg-slate-100 px-1.5 py-px text-slate-600">
                #{t}
              </span>
            ))}
            {f.latest_version !== null ? <Badge tone="green">v{f.latest_version}</Badge> : <Badge>Draft only</Badge>}
            {f.has_unpublished_changes && f.latest_version !== null && <Badge tone="amber">Unpublished changes</Badge>}
            {f.archived && <Badge tone="red">Archived</Badge>}
            <span>Updated {formatDateTime(f.updated_at)}</span>
          </div>
          {(graph?.meta.description || f.description) && <p className="mt-2 max-w-3xl text-sm text-slate-600">{graph?.meta.description || f.description}</p>}
        </div>
        <div className="flex items-center gap-2">
          {actions?.({ id: f.id, latestVersion: f.latest_version })}
          {f.latest_version !== null && (
            <div className="flex rounded-md bg-slate-100 p-0.5" role="group" aria-label="Version shown">
              {(["published", "draft"] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={showing === v}
                  onClick={() => setChoice(v)}
                  className={cn("rounded px-2.5 py-1 text-xs font-medium", showing === v ? "bg-white text-slate-900 shadow-sm" : "text-slate-600")}
                >
                  {v === "published" ? `Published v${f.latest_version}` : "Draft"}
                </button>
              ))}
            </div>
          )}
          <Button
            variant="secondary"
            loading={exportFlow.isPending}
            onClick={() =>
              exportFlow.mutate(
                { id: f.id, version: showing === "published" ? (f.latest_version ?? undefined) : undefined },
                { onError: (e) => toast.show(`Couldn't export: ${errorMessage(e)}`, "error") },
              )
            }
          >
            Export
          </Button>
          {canEdit && f.latest_version !== null && !f.archived && (
            <Link to={`/sessions/new?flow=${f.id}`} className={buttonClasses("secondary")}>
              Start session
            </Link>
          )}
          {canEdit && (
            <Link to={`/flows/${f.id}/edit`} className={buttonClasses("primary")}>
              Edit
            </Link>
          )}
        </div>
      </div>

      {!graph ? (
        version.isError ? (
          <ErrorState error={version.error} onRetry={() => void version.refetch()} />
        ) : (
          <LoadingBlock label="Loading version" />
        )
      ) : graph.nodes.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 px-6 py-12 text-center text-sm text-slate-500">
          This flow has no steps yet.{canEdit ? " Open the editor to add some." : ""}
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="h-[65vh] min-h-80 overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
            <ReadOnlyCanvas graph={graph} onNodeClick={(nid) => document.getElementById(`step-${nid}`)?.scrollIntoView({ behavior: "smooth", block: "nearest" })} />
          </div>
          <NodeList graph={graph} />
        </div>
      )}
    </div>
  );
}

function NodeList({ graph }: { graph: EditorGraph }) {
  const order = useMemo(() => readingOrder(graph.start, graph.nodes, graph.edges), [graph]);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  return (
    <section aria-label="Steps" className="max-h-[65vh] space-y-2 overflow-y-auto pr-1">
      {order.map((id, i) => {
        const n = byId.get(id);
        if (!n) return null;
        const outs = graph.edges.filter((e) => e.source === id);
        return (
          <article key={id} id={`step-${id}`} className="rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200">
            <header className="flex items-center gap-2 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
              <span>{i + 1}.</span>
              <span>{NODE_TYPE_LABELS[n.type]}</span>
              {n.type === "resolution" && <span>· {OUTCOME_LABELS[n.outcome]}</span>}
              {id === graph.start && <span className="rounded bg-slate-800 px-1 text-white">Start</span>}
            </header>
            <h2 className="mt-0.5 text-sm font-semibold text-slate-900">{n.title || "Untitled"}</h2>
            {n.body && <Markdown source={n.body} className="mt-1" />}
            {n.type === "checklist" && n.items.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                {n.items.map((it, j) => (
                  <li key={j}>{it}</li>
                ))}
              </ul>
            )}
            {n.type === "input" && n.variable && <p className="mt-1 font-mono text-xs text-slate-500">Saves {`{{${n.variable}}}`}</p>}
            {outs.length > 0 && (
              <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
                {outs.map((e) => (
                  <li key={e.id}>
                    {e.label ? <span className="font-medium text-slate-800">{e.label}</span> : "Next"} →{" "}
                    <a href={`#step-${e.target}`} className="text-indigo-700 hover:underline">
                      {byId.get(e.target)?.title || e.target}
                    </a>
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
