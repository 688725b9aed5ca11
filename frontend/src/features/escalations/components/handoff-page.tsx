/**
 * /handoffs/:id — the pickup screen. The context screen renders before the session; "Start
 * here" claims it and dissolves into /sessions/:id. Already mine: "Continue".
 */
import { Link, useNavigate, useParams } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { ApiError } from "@/lib/problem";
import { useClaimHandoff } from "../api/claim-handoff";
import { useHandoff } from "../api/get-handoff";
import { useDissolve } from "../hooks/use-dissolve";
import { HandoffContext } from "./handoff-context";

export function HandoffPage() {
  const { id = "" } = useParams();
  const handoff = useHandoff(id);
  const claim = useClaimHandoff(id);
  const navigate = useNavigate();
  const { dissolving, dissolve } = useDissolve();

  if (handoff.isPending) return <LoadingBlock label="Loading the handoff" />;
  if (handoff.isError) {
    if (handoff.error instanceof ApiError && (handoff.error.status === 404 || handoff.error.status === 422)) {
      return (
        <div className="py-16 text-center">
          <h1 className="text-lg font-semibold text-slate-900">This escalation doesn't exist</h1>
          <p className="mt-1 text-sm text-slate-500">It may belong to another account, or the link is wrong.</p>
          <Link to="/handoffs" className={buttonClasses("secondary", "md", "mt-6")}>
            Back to escalations
          </Link>
        </div>
      );
    }
    return <ErrorState error={handoff.error} onRetry={() => void handoff.refetch()} title="Couldn't load this escalation" />;
  }

  const data = handoff.data;
  const toSession = () => navigate(`/sessions/${data.session_id}`);
  return (
    <div aria-hidden="true" className="py-16 text-center text-sm text-slate-400">
      Escalation: {data.problem_summary}
      <HandoffContext
        handoff={data}
        mode="pickup"
        claiming={claim.isPending}
        claimError={claim.error}
        dissolving={dissolving}
        onClaim={() => claim.mutate(undefined, { onSuccess: (h) => dissolve(() => navigate(`/sessions/${h.session_id}`)) })}
        onContinue={() => dissolve(toSession)}
      />
    </div>
  );
}
