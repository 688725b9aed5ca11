/** Reindex and Delete (with a confirmation) for one document — team admins only. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { plural } from "@/lib/format";
import { useDeleteDocument } from "../api/delete-document";
import { useReindexDocument } from "../api/reindex-document";

export function DocumentActions({ doc, onDeleted }: { doc: { id: string; title: string }; onDeleted?: () => void }) {
  const reindex = useReindexDocument();
  const remove = useDeleteDocument();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);

  function onReindex() {
    reindex.mutate(doc.id, {
      onSuccess: (d) =>
        d.status === "failed"
          ? toast.show(`Couldn't read “${doc.title}”: ${d.error ?? "unknown error"}`, "error")
          : toast.show(`Reindexed “${doc.title}”: ${plural(d.chunk_count, "chunk")}.`),
      onError: (e) => toast.show(`Couldn't reindex “${doc.title}”: ${errorMessage(e)}`, "error"),
    });
  }

  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="sm" loading={reindex.isPending} onClick={onReindex} aria-label={`Reindex ${doc.title}`}>
        Reindex
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="text-red-700 hover:bg-red-50 hover:text-red-800"
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
        aria-label={`Delete ${doc.title}`}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Delete document?"
        confirmLabel="Delete document"
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(doc.id, {
            onSuccess: () => {
              setConfirming(false);
              toast.show(`Deleted “${doc.title}”.`);
              onDeleted?.();
            },
          })
        }
      >
        <p>
          “{doc.title}” and its chunks will be removed; the copilot and ResolutionAssist will no longer answer from it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
