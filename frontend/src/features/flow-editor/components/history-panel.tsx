/**
 * Published versions. Selecting one highlights what the draft changed since it (added nodes in
 * green, changed in amber; removed ones are listed here since they are not on the canvas), and
 * offers to restore it.
 */
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { formatDateTime, plural } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { useDiff } from "../api/get-diff";
import { useVersions } from "../api/list-versions";
import { useRestoreVersion } from "../api/restore-version";
import type { FlowRead } from "../api/types";
import { useEditorStoreApi } from "../model/editor-context";
import { PanelHeading } from "./side-panel";

const pair = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;

export function HistoryPanel({
  flowId,
  canRestore,
  beforeCompare,
  onRestored,
  onClose,
}: {
  flowId: string;
  canRestore: boolean;
  beforeCompare: () => Promise<boolean>;
  onRestored: (flow: FlowRead) => void;
  onClose: () => void;
}) {
  const store = useEditorStoreApi();
  const versions = useVersions(flowId);
  const [selected, setSelected] = useState<number | null>(null);
  const diff = useDiff(flowId, selected);
  const restore = useRestoreVersion(flowId);
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();

  useEffect(() => {
    if (!diff.data || selected === null) {
      store.getState().setDiff(null);
      return;
    }
    const d = diff.data;
    store.getState().setDiff({
      added: new Set(d.nodes.added),
      changed: new Set(d.nodes.changed),
      edgesAdded: new Set(d.edges.added.map(pair)),
      edgesChanged: new Set(d.edges.changed.map(pair)),
    });
  }, [diff.data, selected, store]);

  // Leaving the panel removes the highlights.
  useEffect(() => () => store.getState().setDiff(null), [store]);

  async function pick(n: number) {
    // The diff compares with the stored draft, so store local edits first.
    await beforeCompare();
    setSelected((cur) => (cur === n ? null : n));
  }

  return (
    <aside aria-label="Version history" className="flex h-full w-80 shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white">
      <PanelHeading title="Version history">
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close<span className="sr-only"> version history</span>
        </Button>
      </PanelHeading>
      <div className="px-3 py-2">
        {versions.isPending ? (
          <LoadingBlock label="Loading versions" />
        ) : versions.isError ? (
          <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
        ) : versions.data.items.length === 0 ? (
          <p className="px-1 py-6 text-center text-sm text-slate-500">Nothing published yet. Publishing creates version 1.</p>
        ) : (
          <ol className="space-y-1">
            {versions.data.items.map((v) => (
              <li key={v.number}>
                <button
                  type="button"
                  aria-pressed={selected === v.number}
                  onClick={() => void pick(v.number)}
                  className={cn(
                    "w-full rounded-md px-2.5 py-2 text-left ring-1 ring-inset",
                    selected === v.number ? "bg-indigo-50 ring-indigo-300" : "ring-slate-200 hover:bg-slate-50",
                  )}
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="text-sm font-semibold text-slate-900">v{v.number}</span>
                    <span className="text-xs text-slate-500">{formatDateTime(v.published_at)}</span>
                  </span>
                  <span className="mt-0.5 block text-xs text-slate-600">{v.change_note || <em className="text-slate-400">No change note</em>}</span>
                  <span className="mt-0.5 block text-[11px] text-slate-400">
                    {v.published_by_name ?? "Someone"} · {plural(v.node_count, "node")}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>

      {selected !== null && (
        <div className="border-t border-slate-100 px-4 py-3 text-sm">
          <h3 className="font-medium text-slate-900">Draft compared with v{selected}</h3>
          {diff.isPending ? (
            <LoadingBlock label="Comparing" />
          ) : diff.isError ? (
            <p className="text-red-700">{errorMessage(diff.error)}</p>
          ) : (
            <div className="mt-2 space-y-2 text-xs text-slate-600">
              {diff.data.nodes.added.length + diff.data.nodes.changed.length + diff.data.nodes.removed.length + diff.data.edges.added.length + diff.data.edges.changed.length + diff.data.edges.removed.length + diff.data.fields.length === 0 && (
                <p className="font-medium text-slate-700">No changes: the draft is the same as v{selected}.</p>
              )}
              <p className="flex flex-wrap gap-x-3 gap-y-1">
                <span>
                  <span className="mr-1 inline-block size-2.5 rounded-sm outline-2 outline-emerald-500" aria-hidden="true" />
                  {plural(diff.data.nodes.added.length, "node")} added
                </span>
                <span>
                  <span className="mr-1 inline-block size-2.5 rounded-sm outline-2 outline-amber-500" aria-hidden="true" />
                  {diff.data.nodes.changed.length} changed
                </span>
                <span>{diff.data.nodes.removed.length} removed</span>
              </p>
              {diff.data.fields.length > 0 && <p>Settings changed: {diff.data.fields.join(", ")}.</p>}
              {diff.data.nodes.removed.length > 0 && (
                <div>
                  <p className="font-medium text-slate-700">Removed nodes (not on the canvas)</p>
                  <ul className="mt-0.5 list-disc pl-5 font-mono">
                    {diff.data.nodes.removed.map((id) => (
                      <li key={id}>{id}</li>
                    ))}
                  </ul>
                </div>
              )}
              {diff.data.edges.removed.length > 0 && (
                <div>
                  <p className="font-medium text-slate-700">Removed connections</p>
                  <ul className="mt-0.5 list-disc pl-5">
                    {diff.data.edges.removed.map((e) => (
                      <li key={pair(e)}>
                        <span className="font-mono">{e.source}</span> → <span className="font-mono">{e.target}</span>
                        {e.label ? ` (“${e.label}”)` : ""}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {diff.data.edges.added.length + diff.data.edges.changed.length > 0 && (
                <p>
                  {plural(diff.data.edges.added.length, "connection")} added, {diff.data.edges.changed.length} relabelled.
                </p>
              )}
            </div>
          )}
          {canRestore && (
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => setConfirming(true)}>
              Restore this version
            </Button>
          )}
        </div>
      )}

      <ConfirmDialog
        open={confirming && selected !== null}
        title={`Restore version ${selected ?? ""}?`}
        confirmLabel="Restore"
        pending={restore.isPending}
        error={restore.error ? errorMessage(restore.error) : null}
        onClose={() => {
          restore.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          selected !== null &&
          restore.mutate(selected, {
            onSuccess: (flow) => {
              setConfirming(false);
              onRestored(flow);
              toast.show(`Draft restored from v${selected}.`);
              setSelected(null);
            },
          })
        }
      >
        <p>The draft becomes a copy of version {selected}. Your current draft is replaced, including changes not yet saved.</p>
        <p>Restoring also clears the undo history, so the restore itself can't be undone.</p>
      </ConfirmDialog>
    </aside>
  );
}
