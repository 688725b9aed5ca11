import { Button } from "@/components/ui/button";
import { plural } from "@/lib/format";
import { useEditorStoreApi } from "../model/editor-context";
import { PanelHeading } from "./side-panel";

export function MultiSelectionPanel({ nodeCount, edgeCount }: { nodeCount: number; edgeCount: number }) {
  const store = useEditorStoreApi();
  return (
    <div>
      <PanelHeading title="Selection" />
      <div className="space-y-3 px-4 py-3 text-sm text-slate-600">
        <p>
          {plural(nodeCount, "node")} and {plural(edgeCount, "connection")} selected.
        </p>
        <p className="text-xs text-slate-500">
          Copy with <kbd className="rounded bg-slate-100 px-1">Ctrl+C</kbd>, paste with{" "}
          <kbd className="rounded bg-slate-100 px-1">Ctrl+V</kbd>. Drag any of them to move them together.
        </p>
        <Button variant="danger" size="sm" onClick={() => store.getState().deleteSelection()}>
          Delete selected
        </Button>
      </div>
    </div>
  );
}
