/**
 * The flow questions FlowPilot answered from the intake instead of asking them: what was said
 * (and, for an answer implied by a later question, which one the words answer), what it skipped
 * and with which answer, and a button (click, Enter or Space) to go back to any
 * of them — the answers after it are undone and the question is asked again.
 */
import { Button } from "@/components/ui/button";
import type { PilotStep } from "../api/types";
import { stepHeading } from "../model/labels";

export interface SkippedStepsProps {
  steps: PilotStep[];
  canEdit: boolean;
  /** The step being gone back to, while the request runs. */
  pending: string | null;
  error: string | null;
  onGoBack: (stepId: string) => void;
}

/** The skips still standing (a question gone back to is asked again, so it is no longer skipped). */
export function skippedSteps(steps: PilotStep[]): PilotStep[] {
  return steps.filter((s) => s.inferred && s.status === "answered");
}

export function SkippedSteps({ steps, canEdit, pending, error, onGoBack }: SkippedStepsProps) {
  const skipped = skippedSteps(steps);
  if (skipped.length === 0) return null;
  return (
    <section aria-label="Skipped from the intake" className="rounded-lg bg-sky-50 p-4 ring-1 ring-sky-200" data-testid="pilot-skipped">
      <h2 className="text-sm font-semibold text-sky-950">
        Skipped {skipped.length === 1 ? "1 question" : `${skipped.length} questions`} the intake already answers
      </h2>
      <ol className="mt-2 space-y-2">
        {skipped.map((s) => {
          const question = stepHeading(s).heading;
          return (
            <li key={s.id} className="flex items-start gap-3 text-sm text-sky-900" data-testid="pilot-skipped-step">
              <p className="min-w-0 flex-1">
                You said “{s.inferred?.evidence}”
                {/* An answer implied by a later question the intake answers: name that one. */}
                {s.inferred?.via ? `, which answers “${s.inferred.via}” further on` : ""}, so I skipped “{question}” →{" "}
                <strong>{String(s.answer?.option ?? "")}</strong>
              </p>
              {canEdit && (
                <Button
                  variant="secondary"
                  size="sm"
                  className="shrink-0"
                  disabled={pending !== null}
                  aria-label={`Go back to “${question}”`}
                  onClick={() => onGoBack(s.id)}
                >
                  {pending === s.id ? "Going back…" : "Go back"}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          Couldn't go back: {error}
        </p>
      )}
    </section>
  );
}
