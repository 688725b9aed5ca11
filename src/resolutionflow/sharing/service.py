"""Share links: create (secret shown once, stored hashed), list, revoke, and resolve a token.

A token that is unknown, expired or revoked resolves to the same NotFound, so a link never
reveals which of those it is. Public views render the redacted note and record what was redacted
(kinds and counts, never the values).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import Principal
from resolutionflow.auth.tokens import hash_secret, new_secret
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import Settings
from resolutionflow.documentation import service as documentation
from resolutionflow.documentation.render import Format
from resolutionflow.errors import Conflict, NotFound
from resolutionflow.models import Session, SessionShare
from resolutionflow.outbound import reports
from resolutionflow.redaction import RedactionOptions, redact
from resolutionflow.sessions import schemas as session_schemas
from resolutionflow.sessions import service as sessions
from resolutionflow.sharing import repository
from resolutionflow.sharing.schemas import PublicShareView, ShareCreate

UNAVAILABLE = "This link is no longer available."


def _now() -> datetime:
    return datetime.now(UTC)


def share_url(settings: Settings, share: SessionShare, token: str) -> str:
    path = "s" if share.public else "shared"
    return f"{settings.base_url.rstrip('/')}/{path}/{token}"


async def create_share(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    data: ShareCreate,
    client: ClientInfo | None = None,
) -> tuple[SessionShare, str]:
    # Loading through the sessions service applies its visibility: only who sees it shares it.
    session = await sessions.get_session(db, principal, session_id)
    token = new_secret()
    share = SessionShare(
        account_id=session.account_id,
        session_id=session.id,
        token_hash=hash_secret(token),
        public=data.public,
        expires_at=_now() + timedelta(days=data.expires_in_days) if data.expires_in_days else None,
        view_count=0,
        created_by_id=principal.user_id,
    )
    db.add(share)
    await db.flush()
    # A link that lets session content leave the account is a security-relevant act.
    record_by(
        db,
        principal,
        "share.created",
        client=client,
        target_type="session_share",
        target_id=share.id,
        detail={"session_id": str(session.id), "public": share.public},
    )
    return share, token


async def list_shares(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID
) -> list[SessionShare]:
    session = await sessions.get_session(db, principal, session_id)
    return await repository.shares_of(db, session)


async def revoke_share(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    share_id: uuid.UUID,
    client: ClientInfo | None = None,
) -> None:
    session = await sessions.get_session(db, principal, session_id)
    share = await repository.get_share(db, session, share_id)
    if share.revoked_at is not None:
        raise Conflict("This link is already revoked.")
    share.revoked_at = _now()
    record_by(
        db,
        principal,
        "share.revoked",
        client=client,
        target_type="session_share",
        target_id=share.id,
        detail={"session_id": str(session.id), "public": share.public},
    )


async def _live_share(db: AsyncSession, token: str) -> tuple[SessionShare, Session]:
    row = await repository.by_token_hash(db, hash_secret(token))
    if row is None:
        raise NotFound(UNAVAILABLE)
    share, session = row
    if share.revoked_at is not None or (
        share.expires_at is not None and share.expires_at <= _now()
    ):
        raise NotFound(UNAVAILABLE)
    return share, session


async def _count_view(
    db: AsyncSession, share: SessionShare, report: dict[str, int] | None = None
) -> None:
    # An atomic increment: concurrent viewers must not lose each other's counts.
    values: dict[str, object] = {
        "view_count": SessionShare.view_count + 1,
        "last_viewed_at": _now(),
    }
    if report is not None:
        values["last_redaction_report"] = report
    await db.execute(
        update(SessionShare)
        .where(SessionShare.id == share.id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


async def public_view(db: AsyncSession, token: str) -> PublicShareView:
    share, session = await _live_share(db, token)
    if not share.public:
        raise NotFound(UNAVAILABLE)
    markdown = await documentation.document(db, session, "markdown")
    view = PublicShareView(
        title=redact(session.title, RedactionOptions()).redacted,
        note_html=await documentation.document(db, session, "html"),
        note_markdown=markdown,
        note_text=await documentation.document(db, session, "text"),
        expires_at=share.expires_at,
        shared_at=share.created_at,
    )
    counts = reports.counts_in(markdown)
    await _count_view(db, share, counts)
    await reports.record(
        db,
        account_id=share.account_id,
        session_id=session.id,
        channel="share",
        detail=f"public link {str(share.id)[:8]}",
        counts=counts,
    )
    return view


async def account_view(
    db: AsyncSession, principal: Principal, token: str
) -> session_schemas.SessionDetail:
    share, session = await _live_share(db, token)
    if share.account_id != principal.account_id:
        raise NotFound(UNAVAILABLE)
    detail = await sessions.detail(db, session)
    await _count_view(db, share)
    return detail


async def account_documentation(
    db: AsyncSession, principal: Principal, token: str, fmt: Format
) -> str:
    """The redacted note of a shared session, for colleagues who open the link signed in."""
    share, session = await _live_share(db, token)
    if share.account_id != principal.account_id:
        raise NotFound(UNAVAILABLE)
    return await documentation.document(db, session, fmt)
