/** Ending a test (team admins): promote A, promote B (a new published version), or end without change. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { useStopExperiment } from "../api/stop-experiment";
import type { Experiment, Promote } from "../api/types";
import { PROMOTE_LABELS } from "../model/format";

type Choice = "a" | "b" | "none";

const TITLES: Record<Choice, string> = {
  a: "Promote A and end the test?",
  b: "Promote B and end the test?",
  none: "End the test without a change?",
};

export function StopExperiment({ experiment, flowTitle }: { experiment: Experiment; flowTitle: string }) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const stop = useStopExperiment(experiment.flow_id, experiment.id);
  const toast = useToast();

  function close() {
    stop.reset();
    setChoice(null);
  }

  function confirm() {
    if (!choice) return;
    const promote: Promote = choice === "none" ? null : choice;
    stop.mutate(promote, {
      onSuccess: (done) => {
        setChoice(null);
        toast.show(
          done.promoted === "b" && done.promoted_version != null
            ? `B is now the published version of “${flowTitle}” (v${done.promoted_version}).`
            : "A/B test ended; the published version stays as it is.",
        );
      },
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => setChoice("a")}>
        {PROMOTE_LABELS.a}
      </Button>
      <Button variant="secondary" onClick={() => setChoice("b")}>
        {PROMOTE_LABELS.b}
      </Button>
      <Button variant="ghost" onClick={() => setChoice("none")}>
        {PROMOTE_LABELS.none}
      </Button>
      <ConfirmDialog
        open={choice !== null}
        title={choice ? TITLES[choice] : ""}
        confirmLabel={choice ? PROMOTE_LABELS[choice] : ""}
        pending={stop.isPending}
        error={stop.error ? errorMessage(stop.error) : null}
        onConfirm={confirm}
        onClose={close}
      >
        {choice === "b" ? (
          <p>
            Version {experiment.version_b} (variant B) is published as a new version of “{flowTitle}”, and every new session
            runs it. Sessions already started keep their variant.
          </p>
        ) : (
          <p>
            The published version (v{experiment.version_a}) stays as it is{choice === "a" ? " and is recorded as the winner" : ""}.
            New sessions stop being split; sessions already started keep their variant.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
