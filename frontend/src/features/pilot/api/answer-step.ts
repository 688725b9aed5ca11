/**
 * POST /sessions/{id}/pilot/steps/{step_id}/answer — answer (or skip) the current step. The
 * next step, confidence and tier from the response go straight into the cached state, so the
 * card moves on without waiting for a refetch; the rest (steps, facts, timeline) follows.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { refreshSession } from "./invalidate";
import { pilotKeys } from "./keys";
import type { PilotState, StepAnswer, StepResult } from "./types";

export interface AnswerInput {
  stepId: string;
  body: StepAnswer;
}

/** The cached state after an answer: the next step is current, the answered one is no longer open. */
export function applyStepResult(state: PilotState, stepId: string, body: StepAnswer, result: StepResult): PilotState {
  const steps = state.steps.map((s) =>
    s.id === stepId ? { ...s, status: body.skip ? "skipped" : "answered", answer: { ...body } } : s.status === "open" ? { ...s, status: "superseded" } : s,
  );
  const next = result.pilot_step;
  const known = new Set(state.facts.map((f) => f.id));
  return {
    ...state,
    pilot_step: next,
    steps: next && !steps.some((s) => s.id === next.id) ? [...steps, next] : steps,
    confidence: result.confidence,
    tier: result.tier,
    note: result.note ?? null,
    facts: [...state.facts, ...(result.facts ?? []).filter((f) => !known.has(f.id))],
  };
}

export function useAnswerStep(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ["pilot", "answer", sessionId],
    mutationFn: ({ stepId, body }: AnswerInput) =>
      unwrap(
        api.POST("/api/v1/sessions/{session_id}/pilot/steps/{step_id}/answer", {
          params: { path: { session_id: sessionId, step_id: stepId } },
          body,
        }),
      ),
    onSuccess: (result, { stepId, body }) => {
      qc.setQueryData<PilotState>(pilotKeys.state(sessionId), (old) => (old ? applyStepResult(old, stepId, body, result) : old));
      void refreshSession(qc, sessionId);
    },
  });
}
