/** /flows/new — creates an untitled flow and opens it in the editor. */
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { FLOW_FORMAT } from "@/lib/flow-graph/types";
import { useCreateFlow } from "../api/create-flow";

export function NewFlowRedirect() {
  const create = useCreateFlow();
  const navigate = useNavigate();
  const started = useRef(false);
  const run = () =>
    create.mutate(
      { format: FLOW_FORMAT, title: "Untitled flow", kind: "troubleshooting", category: "", description: "", tags: [], start: null, nodes: [], edges: [] },
      { onSuccess: (flow) => navigate(`/flows/${flow.id}/edit`, { replace: true }) },
    );
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    run();
  }, []);
  if (create.isError) return <ErrorState error={create.error} onRetry={run} title="Couldn't create the flow" />;
  return <LoadingBlock label="Creating a flow" />;
}
