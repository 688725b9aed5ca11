"""Own profile, password change, and personal API tokens (stored only as hashes)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record_by
from resolutionflow.auth import throttle
from resolutionflow.auth.passwords import check_password, hash_password_async, verify_password_async
from resolutionflow.auth.principal import Principal
from resolutionflow.auth.service import revoke_all_for_user
from resolutionflow.auth.tokens import API_TOKEN_PREFIX, hash_secret, new_secret
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import get_settings
from resolutionflow.db.scoping import get_in_account
from resolutionflow.errors import Conflict, Forbidden, NotFound, ValidationFailed
from resolutionflow.me.schemas import ApiTokenCreate, MeRead
from resolutionflow.models import Account, ApiToken, User
from resolutionflow.users.service import teams_of


async def _me(db: AsyncSession, principal: Principal) -> User:
    user = await db.get(User, principal.user_id)
    if user is None:
        raise NotFound("Your user no longer exists.")
    return user


async def read_me(db: AsyncSession, principal: Principal) -> MeRead:
    user = await _me(db, principal)
    account = await db.get(Account, user.account_id)
    teams = await teams_of(db, [user.id])
    return MeRead(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        account_id=user.account_id,
        account_name=account.name if account else "",
        is_active=user.is_active,
        created_at=user.created_at,
        last_login_at=user.last_login_at,
        teams=teams.get(user.id, []),
    )


async def rename(db: AsyncSession, principal: Principal, name: str) -> None:
    user = await _me(db, principal)
    user.name = name
    await db.flush()


async def change_password(
    db: AsyncSession, principal: Principal, current: str, new: str, client: ClientInfo
) -> User:
    _interactive_only(principal, "change your password")
    user = await _me(db, principal)
    settings = get_settings()
    # Guessing the current password with a stolen session is throttled like sign-in.
    await throttle.check(db, settings, user.email, client.ip)
    if user.password_hash is None or not await verify_password_async(current, user.password_hash):
        throttle.record_failure(db, user.email, client.ip)
        record_by(
            db,
            principal,
            "auth.password_change_failed",
            client=client,
            target_type="user",
            target_id=user.id,
        )
        raise ValidationFailed(
            "Your current password is not correct.",
            errors=[
                {
                    "loc": ["body", "current_password"],
                    "msg": "Your current password is not correct.",
                    "type": "invalid",
                }
            ],
            persist=True,
        )
    check_password(new, user.email, field="new_password")
    if await verify_password_async(new, user.password_hash):
        raise ValidationFailed(
            "Choose a password different from your current one.",
            errors=[{"loc": ["body", "new_password"], "msg": "unchanged", "type": "invalid"}],
        )
    user.password_hash = await hash_password_async(new)
    # Sign out every other device: access tokens carry the version, refresh tokens are revoked.
    user.token_version += 1
    await revoke_all_for_user(db, user.id)
    record_by(
        db, principal, "auth.password_changed", client=client, target_type="user", target_id=user.id
    )
    await db.flush()
    return user


async def list_tokens(db: AsyncSession, principal: Principal) -> list[ApiToken]:
    rows = await db.scalars(
        select(ApiToken)
        .where(ApiToken.account_id == principal.account_id, ApiToken.user_id == principal.user_id)
        .order_by(ApiToken.created_at.desc())
    )
    return list(rows.all())


def _interactive_only(principal: Principal, what: str) -> None:
    # A leaked API token must not be able to mint more tokens or take over the password.
    if principal.via_api_token:
        raise Forbidden(f"Sign in to {what}; API tokens cannot do it.")


async def create_token(
    db: AsyncSession, principal: Principal, data: ApiTokenCreate, client: ClientInfo
) -> tuple[ApiToken, str]:
    _interactive_only(principal, "create API tokens")
    secret = new_secret(API_TOKEN_PREFIX)
    expires = (
        datetime.now(UTC) + timedelta(days=data.expires_in_days) if data.expires_in_days else None
    )
    token = ApiToken(
        account_id=principal.account_id,
        user_id=principal.user_id,
        name=data.name,
        prefix=secret[: len(API_TOKEN_PREFIX) + 6],
        token_hash=hash_secret(secret),
        expires_at=expires,
    )
    db.add(token)
    await db.flush()
    record_by(
        db,
        principal,
        "api_token.created",
        client=client,
        target_type="api_token",
        target_id=token.id,
        detail={"name": data.name},
    )
    return token, secret


async def revoke_token(
    db: AsyncSession, principal: Principal, token_id: uuid.UUID, client: ClientInfo
) -> None:
    token = await get_in_account(db, principal.account_id, ApiToken, token_id, what="API token")
    if token.user_id != principal.user_id:
        raise NotFound(f"No API token with id {token_id}.")
    if token.revoked_at is not None:
        raise Conflict("This API token is already revoked.")
    token.revoked_at = datetime.now(UTC)
    record_by(
        db,
        principal,
        "api_token.revoked",
        client=client,
        target_type="api_token",
        target_id=token.id,
        detail={"name": token.name},
    )
