"""Queries over redaction reports, scoped in one place: a session's reports are read inside the
session's account."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import RedactionReport, Session, User


async def reports_of(db: AsyncSession, session: Session, limit: int) -> list[Any]:
    """(report, actor's name) of the session's redaction reports, newest first."""
    return list(
        await db.execute(
            select(RedactionReport, User.name)
            .outerjoin(User, User.id == RedactionReport.actor_id)
            .where(
                RedactionReport.account_id == session.account_id,
                RedactionReport.session_id == session.id,
            )
            .order_by(RedactionReport.created_at.desc(), RedactionReport.id)
            .limit(limit)
        )
    )
