"""Writing and reading redaction reports. Callers redact first (the shared redaction module),
then record what the text that actually left carried: its `[REDACTED:kind]` markers."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.common.schemas import ReadSchema
from resolutionflow.models import RedactionReport, Session
from resolutionflow.outbound import repository

_MARKER = re.compile(r"\[REDACTED:([a-z_]+)\]")


def counts_in(*texts: str) -> dict[str, int]:
    """Kinds and counts of the redaction markers in text that is about to leave."""
    counter: Counter[str] = Counter()
    for t in texts:
        counter.update(_MARKER.findall(t))
    return dict(sorted(counter.items()))


async def record(
    db: AsyncSession,
    *,
    account_id: uuid.UUID,
    channel: str,
    counts: dict[str, int],
    session_id: uuid.UUID | None = None,
    detail: str = "",
    actor_id: uuid.UUID | None = None,
) -> RedactionReport:
    report = RedactionReport(
        account_id=account_id,
        session_id=session_id,
        channel=channel,
        detail=detail[:100],
        counts=counts,
        actor_id=actor_id,
    )
    db.add(report)
    await db.flush()
    return report


class RedactionReportRead(ReadSchema):
    id: uuid.UUID
    channel: str
    detail: str
    counts: dict[str, int]
    total: int
    actor_name: str | None
    created_at: datetime


async def for_session(
    db: AsyncSession, session: Session, limit: int = 100
) -> list[RedactionReportRead]:
    rows = await repository.reports_of(db, session, limit)
    return [
        RedactionReportRead(
            id=r.id,
            channel=r.channel,
            detail=r.detail,
            counts=r.counts,
            total=sum(r.counts.values()),
            actor_name=name,
            created_at=r.created_at,
        )
        for r, name in rows
    ]
