"""Sign-in, refresh-token rotation with reuse detection, sign-out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record
from resolutionflow.auth import throttle
from resolutionflow.auth.passwords import burn_verification_time_async, verify_password_async
from resolutionflow.auth.tokens import hash_secret, issue_access_token, new_secret
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import Settings
from resolutionflow.errors import Forbidden, Unauthorized
from resolutionflow.models import Account, RefreshToken, Role, SsoConfig, User
from resolutionflow.sso import repository as sso_repository


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str
    user: User


def _now() -> datetime:
    """The clock of sign-in lifetimes (tests move it)."""
    return datetime.now(UTC)


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def login(
    db: AsyncSession, settings: Settings, email: str, password: str, client: ClientInfo
) -> IssuedTokens:
    email = normalise_email(email)
    attempt = await throttle.begin(db, settings, email, client.ip)
    user = await db.scalar(select(User).where(User.email == email))
    if user is None or user.password_hash is None:
        await burn_verification_time_async(password)
        ok = False
    else:
        ok = await verify_password_async(password, user.password_hash)
    if not ok or user is None or not user.is_active:
        throttle.failed(
            db,
            settings,
            attempt,
            client=client,
            account_id=user.account_id if user else None,
            actor_id=user.id if user else None,
            actor_email=email,
        )
        record(
            db,
            "auth.login_failed",
            account_id=user.account_id if user else None,
            actor_id=user.id if user else None,
            actor_email=email,
            client=client,
            detail={
                "reason": "inactive" if ok and user and not user.is_active else "bad_credentials"
            },
        )
        # One message for every cause, so the answer does not reveal which emails exist.
        raise Unauthorized("The email or password is incorrect.", persist=True)
    await throttle.succeeded(db, settings, attempt)
    await _refuse_password_if_sso_required(db, user, client)
    return await signed_in(db, settings, user, client)


async def signed_in(
    db: AsyncSession,
    settings: Settings,
    user: User,
    client: ClientInfo,
    *,
    via: str | None = None,
) -> IssuedTokens:
    """A sign-in that succeeded (password, or `via` "sso"): recorded, and a new sign-in family
    (a device on the person's list) with its first tokens."""
    user.last_login_at = datetime.now(UTC)
    record(
        db,
        "auth.login",
        account_id=user.account_id,
        actor_id=user.id,
        actor_email=user.email,
        client=client,
        detail={"via": via} if via else None,
    )
    return await start_family(db, settings, user, client)


async def _refuse_password_if_sso_required(
    db: AsyncSession, user: User, client: ClientInfo
) -> None:
    """An account that requires single sign-on refuses passwords, except a super admin's (the
    break-glass way in when the provider is down). Checked only after the password was right,
    so the answer tells nothing to someone guessing."""
    config = await sso_required_for(db, user.account_id, user.role)
    if config is None:
        return
    record(
        db,
        "auth.login_failed",
        account_id=user.account_id,
        actor_id=user.id,
        actor_email=user.email,
        client=client,
        detail={"reason": "sso_required"},
    )
    raise sso_required_error(config.display_name, persist=True)


async def sso_required_for(db: AsyncSession, account_id: uuid.UUID, role: str) -> SsoConfig | None:
    """The account's provider when it refuses passwords for this role (a super admin's password
    always works: the break-glass way in when the provider is down)."""
    if role == Role.super_admin.value:
        return None
    return await sso_repository.required_for(db, account_id)


def sso_required_error(display_name: str, *, persist: bool = False) -> Forbidden:
    error = Forbidden(
        f"Your account signs in with single sign-on: use “Sign in with {display_name}” on the "
        "sign-in page.",
        persist=persist,
    )
    error.extra["sso_required"] = True
    return error


async def start_family(
    db: AsyncSession, settings: Settings, user: User, client: ClientInfo
) -> IssuedTokens:
    return await _issue(db, settings, user, uuid.uuid4(), client)


async def _issue(
    db: AsyncSession, settings: Settings, user: User, family_id: uuid.UUID, client: ClientInfo
) -> IssuedTokens:
    secret = new_secret()
    now = _now()
    db.add(
        RefreshToken(
            account_id=user.account_id,
            user_id=user.id,
            family_id=family_id,
            token_hash=hash_secret(secret),
            created_at=now,
            expires_at=now + timedelta(seconds=settings.refresh_token_ttl_s),
            ip=client.ip,
            user_agent=client.user_agent,
        )
    )
    await db.flush()
    access = issue_access_token(
        settings,
        user_id=user.id,
        account_id=user.account_id,
        token_version=user.token_version,
        family_id=family_id,
    )
    return IssuedTokens(access, settings.access_token_ttl_s, secret, user)


async def refresh(
    db: AsyncSession, settings: Settings, secret: str | None, client: ClientInfo
) -> IssuedTokens:
    if not secret:
        raise Unauthorized("No sign-in to refresh; sign in again.")
    token = await db.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_secret(secret))
    )
    now = _now()
    if token is None or token.revoked_at is not None or token.expires_at <= now:
        raise Unauthorized("Your sign-in has expired; sign in again.")
    await _check_timeouts(db, token, now)
    # Rotation is a conditional update so two concurrent refreshes with one token cannot both win.
    rotated = await db.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token.id, RefreshToken.rotated_at.is_(None))
        .values(rotated_at=now)
    )
    if rotated.rowcount != 1:  # type: ignore[attr-defined]
        await _revoke_family(db, token.family_id, now)
        record(
            db,
            "auth.refresh_reuse",
            account_id=token.account_id,
            actor_id=token.user_id,
            client=client,
            detail={"family_id": str(token.family_id)},
        )
        raise Unauthorized(
            "This sign-in was already used elsewhere, so every device using it has been signed "
            "out. Sign in again.",
            persist=True,
        )
    user = await db.get(User, token.user_id)
    if user is None or not user.is_active:
        await _revoke_family(db, token.family_id, now)
        raise Unauthorized("Your account is deactivated.", persist=True)
    return await _issue(db, settings, user, token.family_id, client)


async def _check_timeouts(db: AsyncSession, token: RefreshToken, now: datetime) -> None:
    """The account's sign-in timeouts: idle (since this token was issued, i.e. the device's last
    refresh or its sign-in) and absolute (since the family's sign-in). An expired sign-in is
    revoked, so its access tokens stop working too."""
    account = await db.get(Account, token.account_id)
    if account is None:
        return
    idle = account.session_idle_minutes
    absolute = account.session_absolute_hours
    reason = None
    if idle is not None and now - token.created_at > timedelta(minutes=idle):
        reason = "idle"
    elif absolute is not None:
        started = await db.scalar(
            select(func.min(RefreshToken.created_at)).where(
                RefreshToken.family_id == token.family_id
            )
        )
        if started is not None and now - _aware(started) > timedelta(hours=absolute):
            reason = "absolute"
    if reason is None:
        return
    await _revoke_family(db, token.family_id, now)
    raise Unauthorized(
        "You were signed out after a while without use; sign in again."
        if reason == "idle"
        else "Your sign-in reached the longest time your account allows; sign in again.",
        persist=True,
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def logout(db: AsyncSession, secret: str | None, client: ClientInfo) -> None:
    if not secret:
        return
    token = await db.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_secret(secret))
    )
    if token is None:
        return
    await _revoke_family(db, token.family_id, datetime.now(UTC))
    user = await db.get(User, token.user_id)
    record(
        db,
        "auth.logout",
        account_id=token.account_id,
        actor_id=token.user_id,
        actor_email=user.email if user else None,
        client=client,
    )


async def _revoke_family(db: AsyncSession, family_id: uuid.UUID, now: datetime) -> None:
    await db.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def revoke_all_for_user(db: AsyncSession, user_id: uuid.UUID) -> None:
    await db.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
