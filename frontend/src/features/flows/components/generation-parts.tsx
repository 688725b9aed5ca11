/** Pieces both "Build with AI" and "From an article" show: progress, errors, leftover problems. */
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { plural } from "@/lib/format";
import { formMessage, type Problem } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { isModelSetupProblem, isModelUnavailable, type LeftoverProblem, problemsOf } from "../model/generation";

/** What is happening, with the seconds waited so far (a model can take tens of seconds). */
export function GenerationProgress({ message }: { message: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div role="status" data-testid="generation-progress" className="flex items-start gap-3 rounded-md bg-indigo-50/60 px-3 py-3 text-sm text-slate-700 ring-1 ring-inset ring-indigo-200">
      <Spinner label="Working" className="mt-0.5 text-indigo-600" />
      <div>
        <p className="font-medium text-slate-900">{message}</p>
        <p className="text-xs text-slate-500">
          {seconds > 0 ? `${plural(seconds, "second")} so far · ` : ""}You can cancel at any time.
        </p>
      </div>
    </div>
  );
}

/** The server's reason, plus what to do about it: configure a model, retry, or fix the problems. */
export function GenerationError({ problem, onRetry, shownFields = [] }: { problem: Problem; onRetry?: () => void; shownFields?: readonly string[] }) {
  const canConfigure = useHasRole("team_admin");
  const setup = isModelSetupProblem(problem);
  const unavailable = isModelUnavailable(problem);
  const left = problemsOf(problem);
  // A 502 carries the provider's reason in its detail; formMessage would hide it behind "our side".
  const message = unavailable || setup ? problem.detail : formMessage(problem, shownFields);
  return (
    <div role="alert" data-testid="generation-error" className="space-y-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
      <p>{message}</p>
      {left.length > 0 && <ProblemList problems={left} />}
      {(setup && canConfigure) || (unavailable && onRetry) ? (
        <div className="flex flex-wrap gap-2">
          {setup && canConfigure && (
            <Link to="/admin/ai" className="font-medium text-red-800 underline">
              Open AI settings
            </Link>
          )}
          {unavailable && onRetry && (
            <Button variant="secondary" size="sm" onClick={onRetry}>
              Try again
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}

export function ProblemList({ problems }: { problems: readonly LeftoverProblem[] }) {
  return (
    <ul aria-label="Problems left" className="max-h-48 space-y-1 overflow-y-auto rounded-md bg-white/70 p-2 text-xs text-slate-700 ring-1 ring-slate-200 ring-inset">
      {problems.map((p, i) => (
        <li key={i}>
          {p.node_id && <span className="font-mono text-slate-500">{p.node_id}: </span>}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** A draft was made but the model left problems: say so before opening the editor. */
export function DraftWithProblems({ title, problems }: { title: string; problems: readonly LeftoverProblem[] }) {
  return (
    <div className="space-y-2 text-sm">
      <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-800 ring-1 ring-inset ring-amber-200">
        “{title}” was saved as a draft with {plural(problems.length, "problem")} left to fix. The editor lists them under Problems.
      </p>
      <ProblemList problems={problems} />
    </div>
  );
}
