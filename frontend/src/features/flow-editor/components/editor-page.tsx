/** /flows/:id/edit — loads the flow, then hands it to the editor. */
import { Link, useParams } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { ApiError } from "@/lib/problem";
import { useEditorFlow } from "../api/get-flow";
import { FlowEditor } from "./flow-editor";

export function FlowEditorPage() {
  const { id = "" } = useParams();
  const flow = useEditorFlow(id);
  if (flow.isPending) return <LoadingBlock label="Opening the editor" />;
  if (flow.isError) {
    if (flow.error instanceof ApiError && (flow.error.status === 404 || flow.error.status === 422)) {
      return (
        <div className="mx-auto max-w-md py-16 text-center">
          <h1 className="text-lg font-semibold text-slate-900">This flow doesn't exist</h1>
          <p className="mt-2 text-sm text-slate-500">It may have been deleted, or the link is wrong.</p>
          <Link to="/flows" className={buttonClasses("secondary", "md", "mt-6")}>
            Back to flows
          </Link>
        </div>
      );
    }
    return (
      <div className="p-6">
        <ErrorState error={flow.error} onRetry={() => void flow.refetch()} title="Couldn't open this flow" />
      </div>
    );
  }
  return <FlowEditor key={flow.data.flow.id} flow={flow.data.flow} graph={flow.data.graph} />;
}
