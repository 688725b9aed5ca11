/** The flow page's way to its A/B test (a slot the route fills): "A/B test", marked while one runs. */
import { Link } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { useCurrentExperiment } from "../api/get-current-experiment";

export function AbTestLink({ flowId }: { flowId: string }) {
  const current = useCurrentExperiment(flowId);
  const running = Boolean(current.data);
  return (
    <Link to={`/flows/${flowId}/ab-test`} className={buttonClasses("secondary")} data-testid="ab-test-link">
      A/B test
      {running && " "}
      {running && (
        <span className="ml-1.5 inline-flex items-center gap-1 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 ring-inset">
          <span aria-hidden="true" className="size-1.5 rounded-full bg-indigo-500" />
          running
        </span>
      )}
    </Link>
  );
}
