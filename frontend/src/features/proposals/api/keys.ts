/**
 * Query keys of the review queue and coverage gaps. Everything about proposals sits under
 * ["proposals"], so a review (which moves a proposal from one tab to another and changes the
 * counts in the nav) invalidates it all at once. Step flags use the step library's own key
 * prefix (["steps", "flags", …]), so closing one here refreshes the Step library too.
 */
import type { ProposalStatus } from "../model/proposal-view";

export const proposalKeys = {
  all: ["proposals"] as const,
  lists: ["proposals", "list"] as const,
  list: (status: ProposalStatus) => ["proposals", "list", status] as const,
  counts: ["proposals", "counts"] as const,
  detail: (id: string) => ["proposals", "detail", id] as const,
  run: (jobId: string) => ["proposals", "run", jobId] as const,
  gaps: ["knowledge-gaps"] as const,
  openStepFlags: ["steps", "flags", { status: "open", limit: 100 }] as const,
  stepFlags: ["steps", "flags"] as const,
  steps: ["steps"] as const,
};
