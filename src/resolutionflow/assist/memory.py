"""Resolved sessions as knowledge: when a session is resolved its redacted plain-text note is
indexed (kind `resolved_session`), so the copilot can say what fixed a similar problem before.
The first line is the resolution summary, which answers quote."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow import search
from resolutionflow.assist.retrieval import RESOLVED_KIND
from resolutionflow.documentation import service as documentation
from resolutionflow.models import Session
from resolutionflow.redaction import redact
from resolutionflow.redaction.policy import options_for


async def remember(db: AsyncSession, session: Session) -> None:
    """Index (or re-index, after a late note) a resolved session; forget any other."""
    if session.status != "resolved":
        await search.delete(db, RESOLVED_KIND, session.id)
        return
    options = await options_for(db, session.account_id)
    summary = redact(session.summary or "", options).redacted.strip()
    note = await documentation.document(db, session, "text")
    await search.put(
        db,
        kind=RESOLVED_KIND,
        ref_id=session.id,
        parent_id=session.id,
        account_id=session.account_id,
        title=redact(session.title, options).redacted,
        body=f"Resolution: {summary or 'resolved'}\n{note}",
    )
