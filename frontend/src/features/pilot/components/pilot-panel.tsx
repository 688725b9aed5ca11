/**
 * FlowPilot's main column in the runner: the triage header, the current step, what we know,
 * the fixes and the steps so far, and the resolution package. The runner hands it in through
 * its `pilot` slot (features don't import each other), with what it needs from the session.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useBlocker } from "react-router";
import { Button } from "@/components/ui/button";
import { ModelImagesBox } from "@/components/copilot/model-images";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/problem";
import { useAddFact } from "../api/add-fact";
import { useAddFix } from "../api/add-fix";
import { type AnswerInput, useAnswerStep } from "../api/answer-step";
import { useEditFact } from "../api/edit-fact";
import { useEditFix } from "../api/edit-fix";
import { useEditTriage } from "../api/edit-triage";
import { usePilot } from "../api/get-pilot";
import { useNextStep } from "../api/next-step";
import { useRevisitStep } from "../api/revisit-step";
import { refreshSession } from "../api/invalidate";
import type { PilotState, SessionDetail, StepAnswer, TriageField } from "../api/types";
import { FactsPanel } from "./facts-panel";
import { FixesPanel } from "./fixes-panel";
import { PilotStepCard, type StepError } from "./pilot-step-card";
import { ResolutionPackageDialog } from "./resolution-package-dialog";
import { SkippedSteps } from "./skipped-steps";
import { StepHistory } from "./step-history";
import { TriageHeader } from "./triage-header";

export interface PilotPanelProps {
  session: SessionDetail;
  /** The person may work on this session (owner or team admin, engineer+). */
  canWork: boolean;
  /** Why the step can't be answered now (paused, read-only…), or null. */
  lockedReason: string | null;
  ended: boolean;
  /** Opens the runner's "End the session" dialog with this summary. */
  onResolve: (summary: string) => void;
}

export function PilotPanel(props: PilotPanelProps) {
  const pilot = usePilot(props.session.id);
  if (pilot.isPending) return <LoadingBlock label="Loading FlowPilot" />;
  if (pilot.isError) return <ErrorState error={pilot.error} onRetry={() => void pilot.refetch()} title="Couldn't load FlowPilot" />;
  return <Pilot {...props} state={pilot.data} />;
}

function Pilot({ session, canWork, lockedReason, ended, onResolve, state }: PilotPanelProps & { state: PilotState }) {
  const id = session.id;
  const qc = useQueryClient();
  const answer = useAnswerStep(id);
  const nextStep = useNextStep(id);
  const revisit = useRevisitStep(id);
  const triage = useEditTriage(id);
  const addFact = useAddFact(id);
  const editFact = useEditFact(id);
  const addFix = useAddFix(id);
  const editFix = useEditFix(id);
  const [draft, setDraft] = useState("");
  const [stepError, setStepError] = useState<StepError | null>(null);
  const [packageOpen, setPackageOpen] = useState(false);
  const last = useRef<AnswerInput | null>(null);
  const step = state.pilot_step;
  const canEdit = canWork && !ended;

  // A new step starts with an empty answer box and no error.
  useEffect(() => {
    setDraft("");
    setStepError(null);
  }, [step?.id]);

  function send(input: AnswerInput) {
    if (answer.isPending) return;
    last.current = input;
    setStepError(null);
    answer.mutate(input, {
      onSuccess: () => setDraft(""),
      onError: (e) => {
        const conflict = e instanceof ApiError && e.status === 409;
        setStepError({ message: errorMessage(e), conflict: conflict && /already/i.test(e.message) });
        // Answered elsewhere, or the session paused or ended: show where things are now.
        if (conflict) void refreshSession(qc, id);
      },
    });
  }

  // Don't lose a typed answer by leaving.
  const unsent = draft.trim() !== "" && !answer.isPending;
  useEffect(() => {
    if (!unsent) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsent]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsent && currentLocation.pathname !== nextLocation.pathname);

  async function saveTriage(field: TriageField, value: string) {
    await triage.mutateAsync({ [field]: value });
  }

  return (
    <div className="space-y-4" data-testid="pilot-panel">
      {!ended && (
        <div className="flex items-center gap-2">
          <p className="text-xs text-slate-500">FlowPilot proposes one step at a time and says how sure it is.</p>
          <Button variant="secondary" size="sm" className="ml-auto" onClick={() => setPackageOpen(true)}>
            Resolution package
          </Button>
        </div>
      )}
      <TriageHeader state={state} canEdit={canEdit} saving={triage.isPending ? (Object.keys(triage.variables ?? {})[0] as TriageField) : null} onSave={saveTriage} />
      {state.note && (
        <p role="note" data-testid="pilot-note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
          {state.note}
        </p>
      )}
      {!ended && (
        <SkippedSteps
          steps={state.steps}
          canEdit={canEdit && lockedReason === null}
          pending={revisit.isPending ? (revisit.variables ?? null) : null}
          error={revisit.isError ? errorMessage(revisit.error) : null}
          onGoBack={(stepId) => revisit.mutate(stepId)}
        />
      )}
      {ended ? (
        <section aria-label="Resolution package" className="rounded-lg bg-indigo-50 p-5 ring-1 ring-indigo-200">
          <h2 className="text-base font-semibold text-indigo-950">The resolution package is ready to write</h2>
          <p className="mt-1 text-sm text-indigo-900">A PSA note, a KB article draft and a client summary from what was done here, redacted.</p>
          <Button className="mt-3" onClick={() => setPackageOpen(true)}>
            Resolution package
          </Button>
        </section>
      ) : step ? (
        <PilotStepCard
          step={step}
          pending={answer.isPending ? (answer.variables?.body ?? null) : null}
          error={stepError}
          lockedReason={lockedReason}
          draft={draft}
          onDraft={setDraft}
          onAnswer={(body: StepAnswer) => send({ stepId: step.id, body })}
          onRetry={() => last.current && send(last.current)}
          onResolve={onResolve}
        />
      ) : (
        <section aria-label="FlowPilot step" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="text-base font-semibold text-slate-900">No step right now</h2>
          <p className="mt-1 text-sm text-slate-600">FlowPilot has nothing open. Add notes or facts, or resolve the session when you're done.</p>
          {canEdit && (
            <Button className="mt-3" variant="secondary" disabled={nextStep.isPending} onClick={() => nextStep.mutate()}>
              {nextStep.isPending ? "Thinking…" : "Suggest the next step"}
            </Button>
          )}
          {nextStep.isError && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              Couldn't get a next step: {errorMessage(nextStep.error)}
            </p>
          )}
        </section>
      )}
      {!ended && <ModelImagesBox sessionId={id} lastSeq={session.last_seq} next="step" canRemove={canEdit} />}
      <FactsPanel
        facts={state.facts}
        canEdit={canEdit}
        onAdd={(text) => addFact.mutateAsync(text)}
        onEdit={(factId, patch) => editFact.mutateAsync({ factId, patch })}
      />
      <FixesPanel
        fixes={state.fixes}
        canEdit={canEdit}
        onAdd={(fix) => addFix.mutateAsync(fix)}
        onEdit={(fixId, patch) => editFix.mutateAsync({ fixId, patch })}
      />
      <StepHistory steps={state.steps} />
      {packageOpen && <ResolutionPackageDialog sessionId={id} onClose={() => setPackageOpen(false)} />}
      <ConfirmDialog
        open={blocker.state === "blocked"}
        title="Leave without sending?"
        confirmLabel="Leave"
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        <p>Your answer to FlowPilot hasn't been sent yet. If you leave now, it's lost.</p>
      </ConfirmDialog>
    </div>
  );
}
