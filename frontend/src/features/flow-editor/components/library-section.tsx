/**
 * A node's link to the step library: "Save to library" (creates a step from the node and links
 * it), the linked step's name and revision, "Update from library" when the library copy moved on,
 * and "Unlink".
 */
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { GraphNode } from "@/lib/flow-graph/types";
import { ApiError, errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useLibraryStep } from "../api/get-library-step";
import { useSaveToLibrary } from "../api/save-to-library";
import { useEditor, useEditorStoreApi } from "../model/editor-context";
import { canSaveToLibrary, isOutdated, missingAnswers, stepFromNode, updateFromStep } from "../model/library-link";

export function LibrarySection({ node, canEdit }: { node: GraphNode; canEdit: boolean }) {
  const store = useEditorStoreApi();
  const edges = useEditor((s) => s.edges);
  const labels = edges.filter((e) => e.source === node.id).map((e) => e.label);
  return (
    <section aria-label="Step library" className="space-y-2 border-t border-slate-100 pt-3">
      <h3 className="text-sm font-medium text-slate-700">Step library</h3>
      {node.step_id ? (
        <LinkedStep node={node} labels={labels} canEdit={canEdit} onUnlink={() => store.getState().updateNode(node.id, { step_id: null, step_revision: null })} />
      ) : canSaveToLibrary(node.type) ? (
        <SaveToLibrary node={node} labels={labels} canEdit={canEdit} />
      ) : (
        <p className="text-xs text-slate-500">Resolutions and subflows aren't reusable steps.</p>
      )}
    </section>
  );
}

function SaveToLibrary({ node, labels, canEdit }: { node: GraphNode; labels: string[]; canEdit: boolean }) {
  const store = useEditorStoreApi();
  const save = useSaveToLibrary();
  const toast = useToast();
  const meta = useEditor((s) => s.meta);
  const problem = save.error ? toProblem(save.error) : null;
  const fields = problem ? fieldErrors(problem) : {};
  const message = problem
    ? fields.answers
      ? `A question needs at least two different answers: connect its answers first (${fields.answers}).`
      : fields.title
        ? `Give the node a title first (${fields.title}).`
        : errorMessage(save.error)
    : null;

  function saveIt() {
    save.mutate(stepFromNode(node, labels, meta), {
      onSuccess: (step) => {
        store.getState().updateNode(node.id, { step_id: step.id, step_revision: step.revision });
        toast.show(`Saved “${step.title}” to the step library.`);
      },
    });
  }

  return (
    <div className="space-y-1.5">
      <p className="text-xs text-slate-500">Reuse this step in other flows: it is saved as a library step and this node stays linked to it.</p>
      <Button size="sm" variant="secondary" onClick={saveIt} loading={save.isPending} disabled={!canEdit || !node.title.trim()} title={node.title.trim() ? undefined : "Give the node a title first"}>
        Save to library
      </Button>
      {message && (
        <p role="alert" className="text-xs text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}

function LinkedStep({ node, labels, canEdit, onUnlink }: { node: GraphNode; labels: string[]; canEdit: boolean; onUnlink: () => void }) {
  const store = useEditorStoreApi();
  const step = useLibraryStep(node.step_id);
  const toast = useToast();

  if (step.isPending) return <p className="text-xs text-slate-500">Checking the library copy…</p>;
  if (step.isError) {
    const gone = step.error instanceof ApiError && step.error.status === 404;
    return (
      <div className="space-y-1.5">
        <p role={gone ? undefined : "alert"} className={gone ? "text-xs text-amber-800" : "text-xs text-red-700"}>
          {gone ? "The library step this node came from was deleted. The node keeps its text." : `Couldn't check the library copy: ${errorMessage(step.error)}`}
        </p>
        <div className="flex gap-1">
          {!gone && (
            <Button size="sm" variant="ghost" onClick={() => void step.refetch()}>
              Try again
            </Button>
          )}
          <Button size="sm" variant="secondary" onClick={onUnlink} disabled={!canEdit}>
            Unlink
          </Button>
        </div>
      </div>
    );
  }

  const s = step.data;
  const outdated = isOutdated(node, s);
  const missing = node.type === "question" ? missingAnswers(s, labels) : [];
  return (
    <div className="space-y-1.5" data-testid="library-link">
      <p className="text-xs text-slate-600">
        Linked to{" "}
        <Link to={`/steps/${s.id}`} className="font-medium text-indigo-700 hover:underline" target="_blank" rel="noopener">
          {s.title}
        </Link>{" "}
        (copied revision {node.step_revision ?? "?"}).
      </p>
      {outdated ? (
        <div className="space-y-1.5 rounded-md bg-amber-50 p-2 ring-1 ring-amber-200 ring-inset" role="status">
          <p className="text-xs text-amber-900">The library copy changed: revision {s.revision}. Updating replaces this node's title and text; its connections stay.</p>
          <Button
            size="sm"
            onClick={() => {
              store.getState().updateNode(node.id, updateFromStep(node, s));
              toast.show(`Updated from the library (revision ${s.revision}).`);
            }}
            disabled={!canEdit}
          >
            Update from library
          </Button>
        </div>
      ) : (
        <p className="text-xs text-emerald-700">Up to date with the library.</p>
      )}
      {missing.length > 0 && (
        <p className="text-xs text-slate-500">
          Library answers not connected yet: {missing.map((a) => `“${a}”`).join(", ")}. Add them under Answers below.
        </p>
      )}
      <Button size="sm" variant="ghost" onClick={onUnlink} disabled={!canEdit}>
        Unlink from library
      </Button>
    </div>
  );
}
