/** /flows — search, filter and organise the account's flows. */
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { FLOW_KIND_LABELS, FLOW_KINDS, isFlowKind } from "@/lib/flow-graph/types";
import { errorMessage } from "@/lib/problem";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useHasRole } from "@/lib/use-role";
import { useExportLibrary } from "../api/export-library";
import { useFlowFacets } from "../api/get-flow-facets";
import { useFlows } from "../api/list-flows";
import type { FlowSummary, SortOrder } from "../api/types";
import { ArticleImportDialog } from "./article-import-dialog";
import { BuildWithAiDialog } from "./build-with-ai-dialog";
import { FlowList } from "./flow-list";
import { FolderSidebar } from "./folder-sidebar";
import { ImportButton } from "./import-button";
import { MoveFlowDialog } from "./move-flow-dialog";
import { NewFlowDialog } from "./new-flow-dialog";

const SORTS: Record<SortOrder, string> = { relevance: "Relevance", updated: "Recently updated", used: "Most used" };

/** Relevance only makes sense with a query; without one the list is by recent updates. */
export function effectiveSort(q: string, chosen: string | null): SortOrder {
  if (chosen === "used" || chosen === "updated") return chosen;
  return q.trim() ? "relevance" : "updated";
}

export function FlowLibraryPage() {
  const [params, setParams] = useSearchParams();
  const canEdit = useHasRole("engineer");
  const toast = useToast();
  const [text, setText] = useState(params.get("q") ?? "");
  const q = useDebouncedValue(text.trim(), 200);
  const kind = params.get("kind") ?? "";
  const category = params.get("category") ?? "";
  const tag = params.get("tag") ?? "";
  const archived = params.get("archived") === "1";
  const folder = params.get("folder");
  const sort = effectiveSort(q, params.get("sort"));
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<FlowSummary | null>(null);
  const [generating, setGenerating] = useState<"ai" | "article" | null>(null);
  const exportLibrary = useExportLibrary();

  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null || value === "") next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get("q") ?? "") !== q) set("q", q || null);
    // Only mirror the debounced query into the URL.
  }, [q]);

  const flows = useFlows({
    q: q || undefined,
    kind: isFlowKind(kind) ? kind : undefined,
    category: category || undefined,
    tag: tag || undefined,
    archived,
    folder_id: folder ?? undefined,
    sort,
  });
  const facets = useFlowFacets();
  const filtered = Boolean(q || kind || category || tag || folder);

  return (
    <div>
      <PageHeader
        title="Flows"
        description="Guided troubleshooting trees and step-by-step procedures for your team."
        actions={
          <>
            <Button
              variant="ghost"
              loading={exportLibrary.isPending}
              onClick={() => exportLibrary.mutate(undefined, { onError: (e) => toast.show(`Couldn't export: ${errorMessage(e)}`, "error") })}
            >
              Export library
            </Button>
            {canEdit && <ImportButton />}
            {canEdit && (
              <Button variant="secondary" onClick={() => setGenerating("article")} title="Turn a KB article into a draft flow">
                From an article
              </Button>
            )}
            {canEdit && (
              <Button variant="secondary" onClick={() => setGenerating("ai")} title="Describe a problem; the model drafts the flow">
                Build with AI
              </Button>
            )}
            {canEdit && <Button onClick={() => setCreating(true)}>New flow</Button>}
          </>
        }
      />
      <div className="flex flex-col gap-6 md:flex-row">
        <FolderSidebar value={folder} onChange={(v) => set("folder", v)} canEdit={canEdit} />
        <div className="min-w-0 flex-1 space-y-3">
          <div className="flex flex-wrap items-end gap-2">
            <div className="relative min-w-56 flex-1">
              <Input
                type="search"
                aria-label="Search flows"
                placeholder="Search titles, steps, tags…"
                value={text}
                onChange={(e) => setText(e.target.value)}
                className="w-full pr-8"
              />
              {flows.isFetching && !flows.isPending && (
                <span className="absolute top-1/2 right-2 -translate-y-1/2">
                  <Spinner label="Searching" />
                </span>
              )}
            </div>
            <Select aria-label="Type" value={kind} onChange={(e) => set("kind", e.target.value)}>
              <option value="">All types</option>
              {FLOW_KINDS.map((k) => (
                <option key={k} value={k}>
                  {FLOW_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
            <Select aria-label="Topic" value={category} onChange={(e) => set("category", e.target.value)}>
              <option value="">All topics</option>
              {facets.data?.categories.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.count})
                </option>
              ))}
            </Select>
            <Select aria-label="Tag" value={tag} onChange={(e) => set("tag", e.target.value)}>
              <option value="">All tags</option>
              {facets.data?.tags.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name} ({t.count})
                </option>
              ))}
            </Select>
            <Select aria-label="Sort by" value={sort} onChange={(e) => set("sort", e.target.value)}>
              {(Object.keys(SORTS) as SortOrder[])
                .filter((s) => s !== "relevance" || q)
                .map((s) => (
                  <option key={s} value={s}>
                    {SORTS[s]}
                  </option>
                ))}
            </Select>
            <label className="flex h-9 items-center gap-1.5 text-sm text-slate-600">
              <input type="checkbox" checked={archived} onChange={(e) => set("archived", e.target.checked ? "1" : null)} className="size-4 accent-indigo-600" />
              Show archived
            </label>
          </div>

          {flows.isPending ? (
            <LoadingBlock label="Loading flows" />
          ) : flows.isError ? (
            <ErrorState error={flows.error} onRetry={() => void flows.refetch()} title="Couldn't load flows" />
          ) : flows.data.items.length === 0 ? (
            filtered || archived ? (
              <EmptyState
                title={q ? `No flows match “${q}”` : "No flows here"}
                action={
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setText("");
                      setParams(new URLSearchParams(), { replace: true });
                    }}
                  >
                    Clear search and filters
                  </Button>
                }
              >
                Try other words, or fewer filters.
              </EmptyState>
            ) : (
              <EmptyState
                title="No flows yet"
                action={canEdit ? <Button onClick={() => setCreating(true)}>Create your first flow</Button> : undefined}
              >
                {canEdit
                  ? "Flows guide engineers through a fix step by step. Start one from scratch, or import a .rfflow.json file."
                  : "Nobody has created a flow in this account yet."}
              </EmptyState>
            )
          ) : (
            <>
              <p className="text-xs text-slate-500" aria-live="polite">
                {flows.data.items.length === 1 ? "1 flow" : `${flows.data.items.length}${flows.data.next_cursor ? "+" : ""} flows`}
                {q ? ` matching “${q}”` : ""}
              </p>
              <FlowList flows={flows.data.items} canEdit={canEdit} onMove={setMoving} />
              {flows.data.next_cursor && (
                <p className="text-center text-xs text-slate-500">Showing the first {flows.data.items.length}. Narrow the search to find others.</p>
              )}
            </>
          )}
        </div>
      </div>
      {creating && <NewFlowDialog folderId={folder && folder !== "root" ? folder : null} onClose={() => setCreating(false)} />}
      {generating === "ai" && <BuildWithAiDialog onClose={() => setGenerating(null)} />}
      {generating === "article" && <ArticleImportDialog onClose={() => setGenerating(null)} />}
      {moving && <MoveFlowDialog flow={moving} onClose={() => setMoving(null)} />}
    </div>
  );
}
