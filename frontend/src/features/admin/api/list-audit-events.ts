import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, QueryParams, ResponseBody } from "@/api/types";

export type AuditEvent = ItemOf<ResponseBody<"/api/v1/audit-events", "get">>;

export type AuditAction = NonNullable<QueryParams<"/api/v1/audit-events", "get">["action"]>;

// A Record (not an array) so the type checker fails when the backend adds or drops an action.
const ACTIONS: Record<AuditAction, true> = {
  "account.branding_changed": true,
  "account.security_changed": true,
  "auth.login": true,
  "auth.login_failed": true,
  "auth.logout": true,
  "auth.refresh_reuse": true,
  "auth.session_revoked": true,
  "auth.sessions_revoked_others": true,
  "auth.sso_failed": true,
  "auth.throttled": true,
  "auth.password_changed": true,
  "auth.password_change_failed": true,
  "user.created": true,
  "user.role_changed": true,
  "user.deactivated": true,
  "user.reactivated": true,
  "user.signed_out_everywhere": true,
  "invite.created": true,
  "invite.accepted": true,
  "invite.revoked": true,
  "job.retried": true,
  "maintenance.batch_cancelled": true,
  "maintenance.batch_launched": true,
  "maintenance.item_failed": true,
  "maintenance.item_skipped": true,
  "maintenance.schedule_created": true,
  "maintenance.schedule_deleted": true,
  "handoff.claim_override": true,
  "proposal.run": true,
  "proposal.approved": true,
  "proposal.dismissed": true,
  "proposal.rejected": true,
  "gap.drafted": true,
  "experiment.started": true,
  "experiment.stopped": true,
  "psa.connection_deleted": true,
  "psa.connection_saved": true,
  "psa.member_mapped": true,
  "psa.ticket_created": true,
  "share.created": true,
  "sso.config_saved": true,
  "sso.config_deleted": true,
  "share.revoked": true,
  "script.created": true,
  "script.updated": true,
  "script.deleted": true,
  "step.created": true,
  "step.updated": true,
  "step.deleted": true,
  "step.flagged": true,
  "step.flag_resolved": true,
  "step.flag_dismissed": true,
  "api_token.created": true,
  "api_token.revoked": true,
  "team.created": true,
  "team.deleted": true,
  "account.created": true,
};
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

export const AUDIT_PAGE_SIZE = 50;

export const auditEventsQuery = (action: AuditAction | "") =>
  infiniteQueryOptions({
    queryKey: queryKeys.audit.list(action),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/v1/audit-events", {
          params: { query: { action: action || undefined, cursor: pageParam ?? undefined, limit: AUDIT_PAGE_SIZE } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });

export function useAuditEvents(action: AuditAction | "") {
  return useInfiniteQuery(auditEventsQuery(action));
}
