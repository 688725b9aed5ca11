import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { useFolders } from "../api/list-folders";
import { useMoveFlow } from "../api/move-flow";
import type { FlowSummary } from "../api/types";
import { flattenFolderTree } from "./folder-tree";

export function MoveFlowDialog({ flow, onClose }: { flow: FlowSummary; onClose: () => void }) {
  const folders = useFolders();
  const move = useMoveFlow();
  const toast = useToast();
  const [target, setTarget] = useState(flow.folder_id ?? "");
  const rows = flattenFolderTree(folders.data?.items ?? []);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Move “${flow.title}”`}
      size="sm"
      busy={move.isPending}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={move.isPending}>
            Cancel
          </Button>
          <Button
            loading={move.isPending}
            onClick={() =>
              move.mutate(
                { id: flow.id, folderId: target || null },
                {
                  onSuccess: () => {
                    toast.show("Flow moved.");
                    onClose();
                  },
                },
              )
            }
          >
            Move
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <FormError message={move.error ? errorMessage(move.error) : null} />
        <SelectField label="Folder" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">No folder</option>
          {rows.map((r) => (
            <option key={r.folder.id} value={r.folder.id}>
              {"\u00a0\u00a0".repeat(r.depth)}
              {r.folder.name}
            </option>
          ))}
        </SelectField>
      </div>
    </Dialog>
  );
}
