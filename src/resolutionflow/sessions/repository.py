"""Queries over sessions' private scratchpads (scoped to one person of one account) and their
attachments (scoped to the session's account).

A scratchpad is read and written only by its writer; nothing else in the code reads this
table (notes, shares, exports, search and prompts all read the timeline)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.models.attachment import SessionAttachment
from resolutionflow.models.session import Session, SessionScratchpad


async def my_scratchpad(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID
) -> SessionScratchpad | None:
    return await db.scalar(
        select(SessionScratchpad).where(
            SessionScratchpad.account_id == principal.account_id,
            SessionScratchpad.user_id == principal.user_id,
            SessionScratchpad.session_id == session_id,
        )
    )


async def save_scratchpad(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, text: str
) -> SessionScratchpad:
    """Writes the caller's scratchpad on the session: one statement, so two saves racing (two
    tabs) never collide on the unique (session, user) row."""
    now = datetime.now(UTC)
    dialect = db.bind.dialect.name if db.bind is not None else "sqlite"
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(SessionScratchpad).values(
        id=uuid.uuid4(),
        account_id=principal.account_id,
        session_id=session_id,
        user_id=principal.user_id,
        text=text,
        created_at=now,
        updated_at=now,
    )
    await db.execute(
        statement.on_conflict_do_update(
            index_elements=["session_id", "user_id"], set_={"text": text, "updated_at": now}
        )
    )
    pad = await my_scratchpad(db, principal, session_id)
    assert pad is not None
    await db.refresh(pad)
    return pad


async def attachment_of(
    db: AsyncSession, session: Session, attachment_id: uuid.UUID
) -> SessionAttachment | None:
    return await db.scalar(
        select(SessionAttachment).where(
            SessionAttachment.id == attachment_id,
            SessionAttachment.session_id == session.id,
            SessionAttachment.account_id == session.account_id,
        )
    )
