"""Failed sign-in throttling per email and per client address, stored in the database."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from resolutionflow.config import Settings
from resolutionflow.errors import TooManyRequests
from resolutionflow.models import LoginFailure


async def _retry_after(
    db: AsyncSession, column: InstrumentedAttribute[str], value: str, limit: int, window: timedelta
) -> int | None:
    since = datetime.now(UTC) - window
    count, oldest = (
        await db.execute(
            select(func.count(), func.min(LoginFailure.created_at)).where(
                column == value,
                LoginFailure.created_at > since,
            )
        )
    ).one()
    if count < limit or oldest is None:
        return None
    if oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    return max(1, math.ceil((oldest + window - datetime.now(UTC)).total_seconds()))


async def check(db: AsyncSession, settings: Settings, email: str, ip: str) -> None:
    """Refuse the attempt (429) while either the email or the address is locked out."""
    if db.get_bind().dialect.name == "postgresql":
        # Attempts for one email (and from one address) queue up until the previous one has
        # recorded its outcome, so parallel guesses cannot all pass the count first. Always
        # email before address, so two attempts never wait on each other in a cycle. (SQLite
        # already serialises: every transaction takes the write lock at BEGIN.)
        for lock_class, key in ((1, email), (2, ip)):
            await db.execute(select(func.pg_advisory_xact_lock(lock_class, func.hashtext(key))))
    window = timedelta(seconds=settings.login_failure_window_s)
    for column, value, limit in (
        (LoginFailure.email, email, settings.login_max_failures_per_email),
        (LoginFailure.ip, ip, settings.login_max_failures_per_ip),
    ):
        wait = await _retry_after(db, column, value, limit, window)
        if wait is not None:
            raise TooManyRequests(
                f"Too many failed sign-ins. Try again in {wait} seconds.", retry_after_s=wait
            )


def record_failure(db: AsyncSession, email: str, ip: str) -> None:
    db.add(LoginFailure(email=email, ip=ip))


async def clear(db: AsyncSession, settings: Settings, email: str) -> None:
    """A successful sign-in forgives that email's failures; old rows of everyone are pruned."""
    cutoff = datetime.now(UTC) - timedelta(seconds=settings.login_failure_window_s)
    await db.execute(delete(LoginFailure).where(LoginFailure.email == email))
    await db.execute(delete(LoginFailure).where(LoginFailure.created_at < cutoff))
