"""Own profile, password change, and personal API tokens (stored only as hashes)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, update
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
from resolutionflow.me import repository
from resolutionflow.me.schemas import ApiTokenCreate, MeRead, SignInRead
from resolutionflow.models import ApiToken, Notification, RefreshToken, User
from resolutionflow.outbound.notices import queue_email
from resolutionflow.providers.notify.email import smtp_configured
from resolutionflow.sessions import live


async def _me(db: AsyncSession, principal: Principal) -> User:
    user = await db.get(User, principal.user_id)
    if user is None:
        raise NotFound("Your user no longer exists.")
    return user


async def read_me(db: AsyncSession, principal: Principal) -> MeRead:
    found = await repository.me_and_belonging(db, principal)
    if found is None:
        raise NotFound("Your user no longer exists.")
    user, belonging = found
    return MeRead(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        account_id=user.account_id,
        account_name=belonging.account_name,
        is_active=user.is_active,
        created_at=user.created_at,
        last_login_at=user.last_login_at,
        teams=belonging.teams,
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
    # Guessing the current password with a stolen session is throttled per user, from every
    # address together (the guesser holds the session; strangers cannot add to this count).
    attempt = await throttle.begin(
        db, settings, throttle.password_change_identity(user.id), client.ip, per_address=False
    )
    if user.password_hash is None or not await verify_password_async(current, user.password_hash):
        throttle.failed(
            db,
            settings,
            attempt,
            client=client,
            account_id=user.account_id,
            actor_id=user.id,
            actor_email=user.email,
        )
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
    await throttle.succeeded(db, settings, attempt)
    # Sign out every other device: access tokens carry the version, refresh tokens are revoked.
    user.token_version += 1
    await revoke_all_for_user(db, user.id)
    # A token minted by whoever knew the old password must not outlive it.
    revoked_tokens = await _revoke_api_tokens(db, user.id)
    record_by(
        db,
        principal,
        "auth.password_changed",
        client=client,
        target_type="user",
        target_id=user.id,
        detail={"api_tokens_revoked": revoked_tokens},
    )
    await db.flush()
    return user


async def _revoke_api_tokens(db: AsyncSession, user_id: uuid.UUID) -> int:
    now = datetime.now(UTC)
    result = await db.execute(
        update(ApiToken)
        .where(
            ApiToken.user_id == user_id,
            ApiToken.revoked_at.is_(None),
            # Expired ones stay listed as expired.
            or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > now),
        )
        .values(revoked_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def list_tokens(db: AsyncSession, principal: Principal) -> list[ApiToken]:
    return await repository.my_tokens(db, principal)


def _interactive_only(principal: Principal, what: str) -> None:
    # A leaked API token must not be able to mint more tokens or take over the password.
    if principal.via_api_token:
        raise Forbidden(f"Sign in to {what}; API tokens cannot do it.")


@dataclass(frozen=True)
class CreatedToken:
    token: ApiToken
    secret: str
    # An email job was queued (SMTP is configured): the route wakes the worker after commit.
    emailed: bool


async def create_token(
    db: AsyncSession, principal: Principal, data: ApiTokenCreate, client: ClientInfo
) -> CreatedToken:
    _interactive_only(principal, "create API tokens")
    secret = new_secret(API_TOKEN_PREFIX)
    expires = datetime.now(UTC) + timedelta(days=data.expires_in_days)
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
    emailed = await _tell_owner_about(db, principal, token, expires, client)
    return CreatedToken(token, secret, emailed)


async def _tell_owner_about(
    db: AsyncSession, principal: Principal, token: ApiToken, expires: datetime, client: ClientInfo
) -> bool:
    """A new token acts as its owner, so the owner hears of it in the app and, when SMTP is
    configured, by email: someone with a stolen session who mints one cannot do it quietly.
    Both are written in this transaction (the email as a durable job), so neither exists for a
    token that was rolled back."""
    settings = get_settings()
    when = f"{token.created_at:%Y-%m-%d %H:%M} UTC from {client.ip}"
    db.add(
        Notification(
            account_id=principal.account_id,
            user_id=principal.user_id,
            kind="api_token",
            title=f"New API token “{token.name}”",
            body=(
                f"Created {when}; it expires on {expires:%Y-%m-%d}. If this wasn't you, revoke "
                "it and change your password."
            ),
            link="/tokens",
        )
    )
    await live.announce(db, principal.user_id)
    if not smtp_configured(settings):
        return False
    await queue_email(
        db,
        principal.account_id,
        to=principal.email,
        subject="A new API token was created for your ResolutionFlow sign-in",
        text=(
            f"Hello {principal.name},\n\n"
            f"A personal API token named “{token.name}” ({token.prefix}…) was created for "
            f"your ResolutionFlow sign-in {principal.email} on {when}. It can act as you "
            f"until {expires:%Y-%m-%d %H:%M} UTC.\n\n"
            "If this wasn't you, revoke it and change your password (changing it revokes "
            f"every API token):\n\n{settings.base_url.rstrip('/')}/tokens\n"
        ),
    )
    return True


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


async def _live_sessions(db: AsyncSession, principal: Principal) -> list[SignInRead]:
    now = datetime.now(UTC)
    families: dict[uuid.UUID, list[RefreshToken]] = {}
    for token in await repository.my_refresh_tokens(db, principal):
        families.setdefault(token.family_id, []).append(token)
    out = []
    for family_id, tokens in families.items():
        # The family's newest token is the one its device holds; a family whose newest token
        # was rotated (and never replaced) or has expired can no longer refresh.
        latest = tokens[-1]
        if latest.rotated_at is not None or latest.expires_at <= now:
            continue
        out.append(
            SignInRead(
                id=family_id,
                created_at=tokens[0].created_at,
                last_seen_at=latest.created_at,
                expires_at=latest.expires_at,
                user_agent=latest.user_agent,
                ip=latest.ip,
                current=family_id == principal.family_id,
            )
        )
    out.sort(key=lambda s: (not s.current, -s.last_seen_at.timestamp()))
    return out


async def list_sessions(db: AsyncSession, principal: Principal) -> list[SignInRead]:
    return await _live_sessions(db, principal)


async def revoke_session(
    db: AsyncSession, principal: Principal, family_id: uuid.UUID, client: ClientInfo
) -> bool:
    """Signs one of the caller's devices out; True when it was the calling device."""
    if family_id not in {s.id for s in await _live_sessions(db, principal)}:
        raise NotFound(f"No signed-in device with id {family_id}.")
    await repository.revoke_my_families(db, principal, [family_id], datetime.now(UTC))
    current = family_id == principal.family_id
    record_by(
        db,
        principal,
        "auth.session_revoked",
        client=client,
        target_type="user",
        target_id=principal.user_id,
        detail={"family_id": str(family_id), "current": current},
    )
    return current


async def revoke_other_sessions(db: AsyncSession, principal: Principal, client: ClientInfo) -> int:
    others = [s.id for s in await _live_sessions(db, principal) if not s.current]
    await repository.revoke_my_families(db, principal, others, datetime.now(UTC))
    record_by(
        db,
        principal,
        "auth.sessions_revoked_others",
        client=client,
        target_type="user",
        target_id=principal.user_id,
        detail={"revoked": len(others)},
    )
    return len(others)
