"""Queries over share links, scoped in one place: a session's shares are read inside the
session's account, and a token resolves only to a share and session of the same account."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.errors import NotFound
from resolutionflow.models import Session, SessionShare


async def shares_of(db: AsyncSession, session: Session) -> list[SessionShare]:
    return list(
        (
            await db.scalars(
                select(SessionShare)
                .where(
                    SessionShare.account_id == session.account_id,
                    SessionShare.session_id == session.id,
                )
                .order_by(SessionShare.created_at.desc(), SessionShare.id)
            )
        ).all()
    )


async def get_share(db: AsyncSession, session: Session, share_id: uuid.UUID) -> SessionShare:
    share = await db.scalar(
        select(SessionShare).where(
            SessionShare.id == share_id,
            SessionShare.account_id == session.account_id,
            SessionShare.session_id == session.id,
        )
    )
    if share is None:
        raise NotFound(f"No share with id {share_id}.")
    return share


async def by_token_hash(db: AsyncSession, token_hash: str) -> tuple[SessionShare, Session] | None:
    """The share with this token hash and its session (whatever its state), or None."""
    row = (
        await db.execute(
            select(SessionShare, Session)
            .join(Session, Session.id == SessionShare.session_id)
            .where(
                SessionShare.token_hash == token_hash,
                SessionShare.account_id == Session.account_id,
            )
        )
    ).one_or_none()
    if row is None:
        return None
    share, session = row
    return share, session
