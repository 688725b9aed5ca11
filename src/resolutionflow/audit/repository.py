"""Queries over the audit log, scoped in one place: the caller's account."""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.common.schemas import PageParams
from resolutionflow.models import AuditEvent


async def events_page(
    db: AsyncSession, principal: Principal, page: PageParams, action: str | None
) -> list[AuditEvent]:
    """The account's events after the cursor, newest first, one more than the page (so the
    caller knows whether there is a next page)."""
    query = select(AuditEvent).where(AuditEvent.account_id == principal.account_id)
    if action:
        query = query.where(AuditEvent.action == action)
    if page.cursor:
        c = page.cursor
        query = query.where(
            or_(
                AuditEvent.created_at < c.created_at,
                and_(AuditEvent.created_at == c.created_at, AuditEvent.id < c.id),
            )
        )
    query = query.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(page.limit + 1)
    return list((await db.scalars(query)).all())
