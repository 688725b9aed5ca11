"""Member mapping: which PSA member each of our users is, so notes and time entries are
attributed to them. Loading the mapping matches unmapped users to members by email (stored as
"auto"); a team admin's choice is "manual" and always wins."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit import service as audit
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.db import uow
from resolutionflow.errors import NotFound, ValidationFailed
from resolutionflow.models import User
from resolutionflow.models.psa import PsaConnection, PsaMemberLink
from resolutionflow.providers.psa.base import Member, PsaError
from resolutionflow.psa import connections, repository
from resolutionflow.psa import schemas as s


async def _connection(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID | None
) -> PsaConnection:
    conn, _ = await connections.effective(db, principal.account_id, team_id)
    if conn is None:
        raise connections.PsaNotConfigured("Connect a PSA first; then its members can be mapped.")
    return conn


async def _members(db: AsyncSession, conn: PsaConnection) -> list[Member]:
    provider = connections.open_provider(conn)
    try:
        return await uow.while_released(db, provider.list_members())
    except PsaError as exc:
        raise connections.PsaFailed(exc) from exc
    finally:
        await provider.aclose()


async def overview(
    db: AsyncSession,
    principal: Principal,
    team_id: uuid.UUID | None,
    fetched: list[Member] | None = None,
) -> s.MembersRead:
    conn = await _connection(db, principal, team_id)
    conn_id = conn.id
    members = [
        m for m in (fetched if fetched is not None else await _members(db, conn)) if m.active
    ]
    users = await repository.active_users(db, principal.account_id)
    links = {
        link.user_id: link
        for link in (
            await db.execute(select(PsaMemberLink).where(PsaMemberLink.connection_id == conn_id))
        ).scalars()
    }
    by_email: dict[str, Member] = {}
    for m in members:
        if m.email:
            by_email.setdefault(m.email.strip().lower(), m)
    by_id = {m.id: m for m in members}
    rows = []
    for user in users:
        link = links.get(user.id)
        if link is not None and link.source == "auto" and link.member_id not in by_id:
            await db.delete(link)  # the member is gone or inactive now
            # Flushed at once: the unit of work inserts before it deletes, so a new email
            # match for this user below would collide with this row on (connection, user).
            await db.flush()
            link = None
        if link is None and (match := by_email.get(user.email.lower())) is not None:
            link = PsaMemberLink(
                account_id=principal.account_id, connection_id=conn_id, user_id=user.id,
                member_id=match.id[:100], member_identifier=match.identifier[:100],
                member_name=match.name[:200],
                source="auto",
            )  # fmt: skip
            db.add(link)
        mapped = link if link is not None and link.member_id else None
        rows.append(
            s.MemberLinkRead(
                user_id=user.id,
                user_name=user.name,
                user_email=user.email,
                member_id=mapped.member_id if mapped else None,
                member_identifier=mapped.member_identifier if mapped else None,
                member_name=mapped.member_name if mapped else None,
                # "manual" without a member: unmapped on purpose, never matched by email again.
                source=link.source if link else None,
            )
        )
    await db.flush()
    return s.MembersRead(
        members=[
            s.MemberRead(id=m.id, identifier=m.identifier, name=m.name, email=m.email)
            for m in members
        ],
        links=rows,
        unmapped=sum(1 for r in rows if r.member_id is None),
    )


async def set_link(
    db: AsyncSession,
    principal: Principal,
    team_id: uuid.UUID | None,
    user_id: uuid.UUID,
    body: s.MemberLinkIn,
    client: ClientInfo | None,
) -> s.MembersRead:
    user = await db.get(User, user_id)
    if user is None or user.account_id != principal.account_id:
        raise NotFound("No such user.")
    conn = await _connection(db, principal, team_id)
    conn_id = conn.id
    member: Member | None = None
    fetched = await _members(db, conn)
    if body.member_id is not None:
        member = next((m for m in fetched if m.id == body.member_id and m.active), None)
        if member is None:
            raise ValidationFailed(
                "That member does not exist in the PSA (or is inactive).",
                errors=[
                    {"loc": ["body", "member_id"], "msg": "unknown member", "type": "value_error"}
                ],
            )
    existing = (
        await db.execute(
            select(PsaMemberLink).where(
                PsaMemberLink.connection_id == conn_id, PsaMemberLink.user_id == user_id
            )
        )
    ).scalar_one_or_none()
    if existing is None:
        existing = PsaMemberLink(
            account_id=principal.account_id, connection_id=conn_id, user_id=user_id
        )
        db.add(existing)
    # "Not mapped" is kept as a manual choice with no member, so the email match that would
    # map the user again on the next load stays out of it.
    # Sized to the columns: a PSA may send anything, and PostgreSQL refuses overlong text.
    existing.member_id = member.id[:100] if member else ""
    existing.member_identifier = member.identifier[:100] if member else ""
    existing.member_name = member.name[:200] if member else ""
    existing.source = "manual"
    await db.flush()
    audit.record_by(
        db, principal, "psa.member_mapped", client=client, target_type="user", target_id=user_id,
        detail={"member": member.identifier if member else None},
    )  # fmt: skip
    return await overview(db, principal, team_id, fetched)


async def member_of(
    db: AsyncSession, connection_id: uuid.UUID, user_id: uuid.UUID | None
) -> Member | None:
    if user_id is None:
        return None
    link = (
        await db.execute(
            select(PsaMemberLink).where(
                PsaMemberLink.connection_id == connection_id, PsaMemberLink.user_id == user_id
            )
        )
    ).scalar_one_or_none()
    if link is None or not link.member_id:
        return None
    return Member(id=link.member_id, identifier=link.member_identifier, name=link.member_name)
