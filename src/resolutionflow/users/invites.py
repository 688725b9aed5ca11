"""Invites: a link with an expiry that lets a new user set their password and sign in."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record, record_by
from resolutionflow.auth.passwords import check_password, hash_password_async
from resolutionflow.auth.principal import Principal
from resolutionflow.auth.tokens import hash_secret, new_secret
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import Settings, get_settings
from resolutionflow.db.scoping import get_in_account
from resolutionflow.errors import Conflict, Forbidden, Gone, NotFound
from resolutionflow.models import Account, Invite, Role, User
from resolutionflow.users import repository
from resolutionflow.users.schemas import InviteRead, InviteStatus


def invite_url(settings: Settings, token: str) -> str:
    return f"{settings.base_url.rstrip('/')}/invite/{token}"


def status_of(invite: Invite, now: datetime | None = None) -> InviteStatus:
    now = now or datetime.now(UTC)
    if invite.accepted_at is not None:
        return "accepted"
    if invite.revoked_at is not None:
        return "revoked"
    if invite.expires_at <= now:
        return "expired"
    return "pending"


async def issue(
    db: AsyncSession, principal: Principal, user: User, client: ClientInfo
) -> tuple[Invite, str]:
    token = new_secret()
    invite = Invite(
        account_id=user.account_id,
        email=user.email,
        name=user.name,
        role=user.role,
        token_hash=hash_secret(token),
        invited_by_id=principal.user_id,
        expires_at=datetime.now(UTC) + timedelta(seconds=get_settings().invite_ttl_s),
        user_id=user.id,
    )
    db.add(invite)
    await db.flush()
    record_by(
        db,
        principal,
        "invite.created",
        client=client,
        target_type="invite",
        target_id=invite.id,
        detail={"email": user.email, "role": user.role},
        account_id=user.account_id,
    )
    return invite, token


async def list_invites(
    db: AsyncSession, principal: Principal, *, pending_only: bool
) -> list[InviteRead]:
    rows = await repository.invites_with_inviter(db, principal)
    now = datetime.now(UTC)
    out = []
    for invite, inviter_name in rows:
        status = status_of(invite, now)
        if pending_only and status not in ("pending", "expired"):
            continue
        out.append(
            InviteRead(
                id=invite.id,
                email=invite.email,
                name=invite.name,
                role=invite.role,
                status=status,
                created_at=invite.created_at,
                expires_at=invite.expires_at,
                invited_by_name=inviter_name,
            )
        )
    return out


async def _open_invite(db: AsyncSession, principal: Principal, invite_id: uuid.UUID) -> Invite:
    invite = await get_in_account(db, principal.account_id, Invite, invite_id, what="invite")
    if invite.role == Role.super_admin.value and principal.role is not Role.super_admin:
        # Otherwise a team admin could resend it to themselves and accept it as super admin.
        raise Forbidden("Only a super admin can manage an invite for a super admin.")
    if invite.accepted_at is not None:
        raise Conflict("This invite was already accepted.")
    if invite.revoked_at is not None:
        raise Conflict("This invite was revoked; add the person again to invite them.")
    return invite


async def reopen_latest(db: AsyncSession, user_id: uuid.UUID) -> None:
    latest = await db.scalar(
        select(Invite)
        .where(Invite.user_id == user_id, Invite.accepted_at.is_(None))
        .order_by(Invite.created_at.desc())
        .limit(1)
    )
    if latest is not None:
        latest.revoked_at = None


async def resend(
    db: AsyncSession, principal: Principal, invite_id: uuid.UUID, client: ClientInfo
) -> tuple[Invite, str]:
    """A fresh link and expiry; the old link stops working."""
    invite = await _open_invite(db, principal, invite_id)
    token = new_secret()
    invite.token_hash = hash_secret(token)
    invite.expires_at = datetime.now(UTC) + timedelta(seconds=get_settings().invite_ttl_s)
    await db.flush()
    record_by(
        db,
        principal,
        "invite.created",
        client=client,
        target_type="invite",
        target_id=invite.id,
        detail={"email": invite.email, "resent": True},
    )
    return invite, token


async def revoke(
    db: AsyncSession, principal: Principal, invite_id: uuid.UUID, client: ClientInfo
) -> None:
    invite = await _open_invite(db, principal, invite_id)
    invite.revoked_at = datetime.now(UTC)
    # The placeholder user never signed in and owns nothing yet; removing it frees the email.
    if invite.user_id is not None:
        user_id = invite.user_id
        invite.user_id = None
        await db.flush()
        await db.execute(delete(User).where(User.id == user_id, User.password_hash.is_(None)))
    record_by(
        db,
        principal,
        "invite.revoked",
        client=client,
        target_type="invite",
        target_id=invite.id,
        detail={"email": invite.email},
    )


async def _by_token(db: AsyncSession, token: str) -> tuple[Invite, str]:
    row = (
        await db.execute(
            select(Invite, Account.name)
            .join(Account, Account.id == Invite.account_id)
            .where(Invite.token_hash == hash_secret(token))
        )
    ).one_or_none()
    if row is None:
        raise NotFound("This invite link is not valid. Ask your admin for a new one.")
    invite, account_name = row
    status = status_of(invite)
    if status == "pending" and invite.user_id is not None:
        user = await db.get(User, invite.user_id)
        if user is None or not user.is_active:
            raise Gone("This invite was withdrawn. Ask your admin if you still need access.")
    if status == "expired":
        raise Gone("This invite link has expired. Ask your admin to send a new one.")
    if status != "pending":
        raise Gone(f"This invite link was already {status}. Sign in instead, or ask for a new one.")
    return invite, account_name


async def preview(db: AsyncSession, token: str) -> tuple[Invite, str]:
    return await _by_token(db, token)


async def accept(
    db: AsyncSession, token: str, password: str, name: str | None, client: ClientInfo
) -> User:
    invite, _ = await _by_token(db, token)
    check_password(password, invite.email)
    now = datetime.now(UTC)
    # Conditional update: of two simultaneous acceptances exactly one wins.
    won = await db.execute(
        update(Invite)
        .where(Invite.id == invite.id, Invite.accepted_at.is_(None), Invite.revoked_at.is_(None))
        .values(accepted_at=now)
    )
    if won.rowcount != 1:  # type: ignore[attr-defined]
        raise Gone("This invite link was already used. Sign in instead.")
    user = await db.get(User, invite.user_id) if invite.user_id else None
    if user is None:
        raise Gone("The invited user no longer exists. Ask your admin for a new invite.")
    user.password_hash = await hash_password_async(password)
    if name:
        user.name = name
    user.last_login_at = now
    await db.flush()
    record(
        db,
        "invite.accepted",
        account_id=user.account_id,
        actor_id=user.id,
        actor_email=user.email,
        target_type="invite",
        target_id=invite.id,
        client=client,
    )
    return user
