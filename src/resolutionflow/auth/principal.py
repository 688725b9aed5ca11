"""Who is calling: the Principal, resolved from a bearer access token or a personal API token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import bindparam, exists, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.tokens import API_TOKEN_PREFIX, decode_access_token, hash_secret
from resolutionflow.config import get_settings
from resolutionflow.db import rls, uow
from resolutionflow.db.session import ReadDB, WriteDB
from resolutionflow.errors import Forbidden, Unauthorized
from resolutionflow.models import ApiToken, RefreshToken, Role, User

# Writing last_used_at on every request would turn reads into writes; minute precision is enough.
_LAST_USED_GRANULARITY = timedelta(seconds=60)


@dataclass(frozen=True)
class Principal:
    user_id: uuid.UUID
    account_id: uuid.UUID
    role: Role
    email: str
    name: str
    via_api_token: bool = False
    # The sign-in (refresh-token family) an access token belongs to; None for API tokens.
    family_id: uuid.UUID | None = None


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


async def get_principal(request: Request, read: ReadDB, write: WriteDB) -> Principal:
    """The sign-in check's unit of work: a read's own read-only one; on a write, PostgreSQL's
    write transaction itself (one connection, no second BEGIN), or on SQLite a read connection,
    handed back before the write begins so the write lock is held only while writing."""
    if read is not None:
        return await authenticate(request, read)
    if write.bind is not None and write.bind.dialect.name == "postgresql":
        return await authenticate(request, write)
    # SQLite: the check is one statement on a read connection, without a transaction around
    # it, handed back at once (or a burst of writes holds every pooled connection while waiting
    # for a second one).
    async with request.app.state.check_sessionmaker() as check:
        return await authenticate(request, check)


async def authenticate(request: Request, db: AsyncSession) -> Principal:
    """Who is calling, checked in `db` (also by live streams on every wake-up)."""
    principal = await _resolve(request, db)
    # Row-level security (PostgreSQL): from here on the request sees only its account's rows
    # (the super admin's, every account's), including in the sign-in check's transaction that
    # is still open on a read.
    request.state.tenant_account_id = (
        None if principal.role is Role.super_admin else principal.account_id
    )
    await rls.reapply(db)
    return principal


async def _resolve(request: Request, db: AsyncSession) -> Principal:
    token = _bearer(request)
    if token is None:
        raise Unauthorized()
    if token.startswith(API_TOKEN_PREFIX):
        return await _from_api_token(request, db, token)
    claims = decode_access_token(get_settings(), token)
    if claims is None:
        raise Unauthorized("Your session has expired or the token is invalid; sign in again.")
    # The token names its account: the check itself already runs confined to it (row-level
    # security), which spares re-confining the transaction once the caller is known.
    request.state.tenant_account_id = claims.account_id
    # One round trip: the user, and whether the sign-in the token belongs to has ended.
    if claims.family_id is None:
        found = await db.execute(_USER, {"user_id": claims.user_id})
    else:
        found = await db.execute(
            _USER_AND_SIGNED_OUT, {"user_id": claims.user_id, "family_id": claims.family_id}
        )
    row = found.one_or_none()
    user = row[0] if row is not None else None
    if (
        user is None
        or not user.is_active
        or user.account_id != claims.account_id
        or user.token_version != claims.token_version
    ):
        raise Unauthorized("Your session is no longer valid; sign in again.")
    if row is not None and row.signed_out:
        raise Unauthorized("You were signed out on this device; sign in again.")
    request.state.user_id = str(user.id)
    return _principal(user, family_id=claims.family_id)


# Whether the sign-in an access token belongs to has ended (sign-out, or reuse of a rotated
# refresh token). Its revoked refresh-token rows are the deny-list: they outlive every access
# token of the family, and revoking them is already what signing out does. Both statements are
# built once: this check runs on every request, and composing them cost as much as running them.
_SIGNED_OUT = exists().where(
    RefreshToken.family_id == bindparam("family_id"), RefreshToken.revoked_at.is_not(None)
)
_USER_AND_SIGNED_OUT = select(User, _SIGNED_OUT.label("signed_out")).where(
    User.id == bindparam("user_id")
)
_USER = select(User, literal(False).label("signed_out")).where(User.id == bindparam("user_id"))


async def _from_api_token(request: Request, db: AsyncSession, token: str) -> Principal:
    now = datetime.now(UTC)
    row = (
        await db.execute(
            select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(ApiToken.token_hash == hash_secret(token))
        )
    ).one_or_none()
    if row is None:
        raise Unauthorized("The API token is not valid.")
    api_token, user = row
    if api_token.revoked_at is not None:
        raise Unauthorized("The API token has been revoked.")
    # Every token has an expiry (the 0016 migration gave one to older tokens without); one
    # without is refused rather than trusted for ever.
    if api_token.expires_at is None or api_token.expires_at <= now:
        raise Unauthorized("The API token has expired.")
    if not user.is_active:
        raise Unauthorized("The API token's owner is deactivated.")
    if api_token.last_used_at is None or now - api_token.last_used_at >= _LAST_USED_GRANULARITY:
        # The sign-in check reads only; this rare write (once per granularity) is its own short
        # unit of work, so a GET with an API token still never waits for the write lock long.
        async with uow.transaction(request.app.state.sessionmaker) as wdb:
            await wdb.execute(
                update(ApiToken).where(ApiToken.id == api_token.id).values(last_used_at=now)
            )
    return _principal(user, via_api_token=True)


def _principal(
    user: User, *, via_api_token: bool = False, family_id: uuid.UUID | None = None
) -> Principal:
    return Principal(
        user_id=user.id,
        account_id=user.account_id,
        role=Role(user.role),
        email=user.email,
        name=user.name,
        via_api_token=via_api_token,
        family_id=family_id,
    )


def require_role(minimum: Role):  # type: ignore[no-untyped-def]
    async def check(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
        if not principal.role.at_least(minimum):
            raise Forbidden(f"This needs the {minimum.value.replace('_', ' ')} role or higher.")
        return principal

    check.__name__ = f"require_{minimum.value}"
    return check


CurrentUser = Annotated[Principal, Depends(get_principal)]
AnyRole = Annotated[Principal, Depends(require_role(Role.viewer))]
Engineer = Annotated[Principal, Depends(require_role(Role.engineer))]
TeamAdmin = Annotated[Principal, Depends(require_role(Role.team_admin))]
SuperAdmin = Annotated[Principal, Depends(require_role(Role.super_admin))]
