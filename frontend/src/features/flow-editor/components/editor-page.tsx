/** /flows/:id/edit — loads the flow, then hands it to the editor. */
import { useParams } from "react-router";
import { LoadFailed } from "@/components/ui/load-failed";
import { LoadingBlock } from "@/components/ui/spinner";
import { useEditorFlow } from "../api/get-flow";
import { FlowEditor } from "./flow-editor";

export function FlowEditorPage() {
  const { id = "" } = useParams();
  const flow = useEditorFlow(id);
  if (flow.isPending) return <LoadingBlock label="Opening the editor" />;
  if (flow.isError) {
    return (
      <LoadFailed
        error={flow.error}
        onRetry={() => void flow.refetch()}
        thing="flow"
        hint="It may have been deleted, or the link is wrong."
        back={{ to: "/flows", label: "Back to flows" }}
      />
    );
  }
  return <FlowEditor key={flow.data.flow.id} flow={flow.data.flow} graph={flow.data.graph} />;
}
