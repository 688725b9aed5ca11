import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/input";
import type { GraphEdge } from "@/lib/flow-graph/types";
import { useEditor, useEditorStoreApi } from "../model/editor-context";
import { PanelHeading } from "./side-panel";

export function EdgePanel({ edge }: { edge: GraphEdge }) {
  const store = useEditorStoreApi();
  const source = useEditor((s) => s.nodes.find((n) => n.id === edge.source));
  const target = useEditor((s) => s.nodes.find((n) => n.id === edge.target));
  const fromQuestion = source?.type === "question";
  return (
    <div>
      <PanelHeading title="Connection" />
      <div className="space-y-4 px-4 py-3">
        <p className="text-sm text-slate-600">
          From <strong className="font-medium text-slate-900">{source?.title || edge.source}</strong> to{" "}
          <strong className="font-medium text-slate-900">{target?.title || edge.target}</strong>
        </p>
        <InputField
          data-field="edge-answer-label"
          label="Answer label"
          value={edge.label}
          maxLength={200}
          placeholder={fromQuestion ? "e.g. Yes" : "Usually empty"}
          hint={
            fromQuestion
              ? "The answer the engineer picks to follow this connection. Each answer of a question needs its own label."
              : "Only connections leaving a question need a label."
          }
          onChange={(e) => store.getState().updateEdge(edge.id, { label: e.target.value }, "label")}
        />
        <Button variant="secondary" size="sm" onClick={() => store.getState().deleteEdges([edge.id])}>
          Delete connection
        </Button>
      </div>
    </div>
  );
}
