"""Recording and listing AuditEvents. Recording joins the caller's unit of work (never commits)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit import repository
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.common.schemas import PageParams
from resolutionflow.models import AuditEvent

ACTIONS = (
    "account.branding_changed",
    "account.created",
    "account.security_changed",
    "api_token.created",
    "api_token.revoked",
    "auth.login",
    "auth.login_failed",
    "auth.logout",
    "auth.password_change_failed",
    "auth.password_changed",
    "auth.refresh_reuse",
    "auth.session_revoked",
    "auth.sso_failed",
    "auth.sessions_revoked_others",
    "auth.throttled",
    "experiment.started",
    "experiment.stopped",
    "gap.drafted",
    "handoff.claim_override",
    "invite.accepted",
    "invite.created",
    "invite.revoked",
    "job.retried",
    "maintenance.batch_cancelled",
    "maintenance.batch_launched",
    "maintenance.item_failed",
    "maintenance.item_skipped",
    "maintenance.schedule_created",
    "maintenance.schedule_deleted",
    "proposal.approved",
    "proposal.dismissed",
    "proposal.rejected",
    "proposal.run",
    "psa.connection_deleted",
    "psa.connection_saved",
    "psa.member_mapped",
    "psa.ticket_created",
    "share.created",
    "sso.config_deleted",
    "sso.config_saved",
    "share.revoked",
    "script.created",
    "script.deleted",
    "script.updated",
    "step.created",
    "step.deleted",
    "step.flag_dismissed",
    "step.flag_resolved",
    "step.flagged",
    "step.updated",
    "team.created",
    "team.deleted",
    "user.created",
    "user.deactivated",
    "user.reactivated",
    "user.role_changed",
    "user.signed_out_everywhere",
)


def record(
    db: AsyncSession,
    action: str,
    *,
    account_id: uuid.UUID | None,
    actor_id: uuid.UUID | None = None,
    actor_email: str | None = None,
    target_type: str | None = None,
    target_id: uuid.UUID | str | None = None,
    client: ClientInfo | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    assert action in ACTIONS, action
    event = AuditEvent(
        account_id=account_id,
        action=action,
        actor_id=actor_id,
        actor_email=actor_email,
        target_type=target_type,
        target_id=str(target_id) if target_id is not None else None,
        ip=client.ip if client else None,
        user_agent=client.user_agent if client else None,
        detail=detail or {},
    )
    db.add(event)
    return event


def record_by(
    db: AsyncSession,
    principal: Principal,
    action: str,
    *,
    client: ClientInfo | None,
    target_type: str | None = None,
    target_id: uuid.UUID | str | None = None,
    detail: dict[str, Any] | None = None,
    account_id: uuid.UUID | None = None,
) -> AuditEvent:
    """Record an action by `principal`; `account_id` when it concerns another account."""
    return record(
        db,
        action,
        account_id=account_id or principal.account_id,
        actor_id=principal.user_id,
        actor_email=principal.email,
        target_type=target_type,
        target_id=target_id,
        client=client,
        detail=detail,
    )


async def list_events(
    db: AsyncSession, principal: Principal, page: PageParams, action: str | None
) -> list[AuditEvent]:
    return await repository.events_page(db, principal, page, action)
