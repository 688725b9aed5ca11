/**
 * The review verbs (team admins of the proposal's team): approve → a draft, dismiss → hidden
 * until new evidence, reject {reason} → never again. Each answer is the proposal as it now is
 * (approve answers `{flow_id, draft_version}`, so the proposal is refetched), and every list and
 * the counts are refreshed.
 */
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { proposalKeys } from "./keys";
import type { Proposal } from "./types";

function refreshAfterReview(qc: QueryClient, id: string) {
  void qc.invalidateQueries({ queryKey: proposalKeys.lists });
  void qc.invalidateQueries({ queryKey: proposalKeys.counts });
  void qc.invalidateQueries({ queryKey: proposalKeys.detail(id) });
}

export function useApproveProposal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/proposals/{proposal_id}/approve", { params: { path: { proposal_id: id } } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.flows.all });
    },
    onSettled: () => refreshAfterReview(qc, id),
  });
}

export function useDismissProposal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/proposals/{proposal_id}/dismiss", { params: { path: { proposal_id: id } } })),
    onSuccess: (p: Proposal) => qc.setQueryData(proposalKeys.detail(id), p),
    onSettled: () => refreshAfterReview(qc, id),
  });
}

export function useRejectProposal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST("/api/v1/proposals/{proposal_id}/reject", { params: { path: { proposal_id: id } }, body: { reason } })),
    onSuccess: (p: Proposal) => qc.setQueryData(proposalKeys.detail(id), p),
    onSettled: () => refreshAfterReview(qc, id),
  });
}

/** POST /proposals/{id}/comments {text} — engineers and up; the answer carries every comment. */
export function useCommentProposal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST("/api/v1/proposals/{proposal_id}/comments", { params: { path: { proposal_id: id } }, body: { text } })),
    onSuccess: (p: Proposal) => {
      qc.setQueryData(proposalKeys.detail(id), p);
      void qc.invalidateQueries({ queryKey: proposalKeys.lists });
    },
  });
}
