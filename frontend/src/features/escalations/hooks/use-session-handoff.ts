/**
 * The handoff of a session that was escalated (its timeline's `escalated` event), or that is
 * parked now (its open `parked` event).
 */
import { useHandoff } from "../api/get-handoff";
import type { SessionDetail } from "../api/types";
import { handoffIdOf, parkedHandoffIdOf, readAssessment } from "../model/handoff";

export function useSessionHandoff(session: SessionDetail) {
  const id = parkedHandoffIdOf(session.timeline) ?? handoffIdOf(session.timeline);
  return { id, query: useHandoff(id) };
}

/** The suggested steps of the session's handoff assessment (for the copilot's chips); [] without one. */
export function useHandoffSuggestedSteps(session: SessionDetail): string[] {
  const { query } = useSessionHandoff(session);
  const handoff = query.data;
  if (!handoff || handoff.assessment_status !== "ready") return [];
  return readAssessment(handoff.ai_assessment)?.suggestedSteps ?? [];
}
