/** "The library copy changed" for linked nodes: go to each one, or update them all. */
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useLibraryUpdates } from "../hooks/use-library-updates";
import { useEditorStoreApi } from "../model/editor-context";
import { updateFromStep } from "../model/library-link";

export function LibraryUpdatesBanner({ canEdit }: { canEdit: boolean }) {
  const updates = useLibraryUpdates();
  const store = useEditorStoreApi();
  const toast = useToast();
  if (updates.length === 0) return null;
  const n = updates.length;
  return (
    <div role="status" aria-label="Library updates" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <p className="min-w-0">
        {n === 1 ? "1 node's library step has" : `${n} nodes' library steps have`} changed since {n === 1 ? "it was" : "they were"} copied:
      </p>
      <ul className="flex flex-wrap gap-1">
        {updates.map(({ node, step }) => (
          <li key={node.id}>
            <button
              type="button"
              onClick={() => store.getState().focusNode(node.id)}
              className="rounded px-1.5 py-0.5 text-xs font-medium text-amber-900 underline decoration-amber-400 hover:bg-amber-100"
              title={`Go to ${node.id}: copied revision ${node.step_revision ?? "?"}, library revision ${step.revision}`}
            >
              {node.title || node.id}
            </button>
          </li>
        ))}
      </ul>
      <Button
        size="sm"
        variant="secondary"
        className="ml-auto"
        disabled={!canEdit}
        onClick={() => {
          const s = store.getState();
          for (const { node, step } of updates) s.updateNode(node.id, updateFromStep(node, step));
          toast.show(n === 1 ? "Updated 1 node from the library." : `Updated ${n} nodes from the library.`);
        }}
      >
        Update {n === 1 ? "it" : "all"} from library
      </Button>
    </div>
  );
}
