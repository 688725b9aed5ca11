"""Throttling of failed sign-ins (and password-change guesses), stored in the database so it
holds across app instances.

Failures are counted per *identity and address*: a sign-in email together with the client
address it was tried from. After `login_free_failures` of them, each further failure doubles the
wait before that address may try that email again (1 s, 2 s, 4 s ... `login_delay_max_s`). An
address with no failures is never held back, so someone guessing from elsewhere cannot lock the
owner out. Each address also has a cap across all emails (password spraying). A password change
is guessed with a session, not from the sign-in page, so its failures count per user across
every address, under an identity of its own (`password-change:<user id>`, kept in the email
column) that sign-ins never use.

Addresses are the throttle buckets of `auth.client_address` (an IPv6 client's /64). Each
failure that makes its caller wait is audited as `auth.throttled`; the refusals themselves are
not, so a flood of refused attempts cannot flood the audit log.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record
from resolutionflow.auth.client_address import throttle_bucket
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import Settings
from resolutionflow.errors import TooManyRequests
from resolutionflow.models import LoginFailure


@dataclass(frozen=True)
class Attempt:
    """One throttled attempt, between its check and its outcome."""

    identity: str
    address: str
    # Whether the identity's failures are counted per address (sign-in) or everywhere.
    per_address: bool
    identity_failures: int
    address_failures: int


def password_change_identity(user_id: uuid.UUID) -> str:
    return f"password-change:{user_id}"


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _delay_s(settings: Settings, failures: int) -> float:
    """How long after the latest of `failures` failures the next attempt must wait."""
    if failures < settings.login_free_failures:
        return 0.0
    exponent = min(failures - settings.login_free_failures, 32)
    return float(min(settings.login_delay_max_s, settings.login_delay_base_s * 2**exponent))


async def _lock(db: AsyncSession, *keys: tuple[int, str]) -> None:
    if db.get_bind().dialect.name != "postgresql":
        return  # SQLite serialises already: every write transaction takes the lock at BEGIN.
    # Attempts on one identity (and from one address) queue up until the previous one has
    # recorded its outcome, so parallel guesses cannot all pass the count first. Always in this
    # order, so two attempts never wait on each other in a cycle.
    for lock_class, key in keys:
        await db.execute(select(func.pg_advisory_xact_lock(lock_class, func.hashtext(key))))


async def begin(
    db: AsyncSession, settings: Settings, identity: str, ip: str, *, per_address: bool = True
) -> Attempt:
    """Refuse the attempt (429 with Retry-After) while this address must still wait for this
    identity, or is locked out altogether; otherwise return what its outcome is recorded on."""
    address = throttle_bucket(ip)
    await _lock(db, (1, f"{identity}\n{address}" if per_address else identity), (2, address))
    since = datetime.now(UTC) - timedelta(seconds=settings.login_failure_window_s)

    mine = [LoginFailure.email == identity, LoginFailure.created_at > since]
    if per_address:
        mine.append(LoginFailure.ip == address)
    count, latest = (
        await db.execute(select(func.count(), func.max(LoginFailure.created_at)).where(*mine))
    ).one()
    delay = _delay_s(settings, count)
    if latest is not None and delay > 0:
        # `now` after the query: on SQLite it may have waited for the previous attempt's commit.
        wait = _aware(latest) + timedelta(seconds=delay) - datetime.now(UTC)
        if wait > timedelta(0):
            raise TooManyRequests(
                "Too many failed attempts. Try again in "
                f"{_seconds(wait)} second{'s' if _seconds(wait) != 1 else ''}.",
                retry_after_s=_seconds(wait),
            )

    from_address, oldest = (
        await db.execute(
            select(func.count(), func.min(LoginFailure.created_at)).where(
                LoginFailure.ip == address, LoginFailure.created_at > since
            )
        )
    ).one()
    if from_address >= settings.login_max_failures_per_ip and oldest is not None:
        wait = (
            _aware(oldest) + timedelta(seconds=settings.login_failure_window_s) - datetime.now(UTC)
        )
        raise TooManyRequests(
            f"Too many failed sign-ins from your network. Try again in {_seconds(wait)} seconds.",
            retry_after_s=_seconds(wait),
        )
    return Attempt(identity, address, per_address, int(count), int(from_address))


def _seconds(wait: timedelta) -> int:
    return max(1, math.ceil(wait.total_seconds()))


def failed(
    db: AsyncSession,
    settings: Settings,
    attempt: Attempt,
    *,
    client: ClientInfo,
    account_id: uuid.UUID | None,
    actor_id: uuid.UUID | None,
    actor_email: str | None,
) -> None:
    """Record the failure; when it makes the next attempt wait, audit that as `auth.throttled`
    (in the tenant's log when the identity is one of its people)."""
    db.add(LoginFailure(email=attempt.identity, ip=attempt.address))
    detail: dict[str, Any] = {}
    delay = _delay_s(settings, attempt.identity_failures + 1)
    if delay > 0:
        detail = {
            "scope": "email_and_address" if attempt.per_address else "password_change",
            "failures": attempt.identity_failures + 1,
            "retry_after_s": math.ceil(delay),
        }
    if attempt.address_failures + 1 >= settings.login_max_failures_per_ip:
        detail = {
            "scope": "address",
            "failures": attempt.address_failures + 1,
            "retry_after_s": settings.login_failure_window_s,
        }
    if detail:
        detail["address"] = attempt.address
        record(
            db,
            "auth.throttled",
            account_id=account_id,
            actor_id=actor_id,
            actor_email=actor_email,
            client=client,
            detail=detail,
        )


async def succeeded(db: AsyncSession, settings: Settings, attempt: Attempt) -> None:
    """Success forgives this identity's failures from this address (not other addresses': the
    owner signing in must not reset a guesser elsewhere); old rows of everyone are pruned."""
    mine = [LoginFailure.email == attempt.identity]
    if attempt.per_address:
        mine.append(LoginFailure.ip == attempt.address)
    await db.execute(delete(LoginFailure).where(*mine))
    cutoff = datetime.now(UTC) - timedelta(seconds=settings.login_failure_window_s)
    await db.execute(delete(LoginFailure).where(LoginFailure.created_at < cutoff))
