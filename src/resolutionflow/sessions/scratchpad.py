"""The private scratchpad of a session: free text only the session's owner reads and writes.

Kept in its own table (never on the timeline), so documentation, share links, PSA notes,
exports, search and model prompts cannot pick it up; a line reaches the timeline only when the
engineer promotes it (the UI appends it as a note). Anyone but the owner, team admins
included, gets 404: it is not there for them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.errors import NotFound
from resolutionflow.models.session import SCRATCHPAD_MAX, Session
from resolutionflow.sessions import repository
from resolutionflow.sessions import service as sessions


class ScratchpadWrite(WriteSchema):
    # Kept as typed: whitespace and line breaks are the engineer's.
    text: Annotated[str, StringConstraints(max_length=SCRATCHPAD_MAX, strip_whitespace=False)]


class ScratchpadRead(ReadSchema):
    text: str
    updated_at: datetime | None = Field(description="null: nothing written yet")
    max_length: int = SCRATCHPAD_MAX


async def _owned(db: AsyncSession, principal: Principal, session_id: uuid.UUID) -> Session:
    session = await sessions.get_session(db, principal, session_id)
    if session.owner_id != principal.user_id:
        raise NotFound(f"No scratchpad on session {session_id} for you.")
    return session


async def read(db: AsyncSession, principal: Principal, session_id: uuid.UUID) -> ScratchpadRead:
    await _owned(db, principal, session_id)
    pad = await repository.my_scratchpad(db, principal, session_id)
    return ScratchpadRead(text=pad.text if pad else "", updated_at=pad.updated_at if pad else None)


async def save(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, body: ScratchpadWrite
) -> ScratchpadRead:
    await _owned(db, principal, session_id)
    pad = await repository.save_scratchpad(db, principal, session_id, body.text)
    return ScratchpadRead(text=pad.text, updated_at=pad.updated_at)
