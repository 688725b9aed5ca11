"""Queries of single sign-on, scoped in one place. Config, domains and identities are read by
the account they belong to; the public sign-in routes find the account by an email's domain or
by a login state's hash (both unique across the installation)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.db import rls
from resolutionflow.models import SsoConfig, SsoDomain, SsoIdentity, SsoLoginState, User


async def config_of(db: AsyncSession, account_id: uuid.UUID) -> SsoConfig | None:
    return await db.scalar(select(SsoConfig).where(SsoConfig.account_id == account_id))


async def domains_of(db: AsyncSession, account_id: uuid.UUID) -> list[str]:
    rows = await db.scalars(
        select(SsoDomain.domain)
        .where(SsoDomain.account_id == account_id)
        .order_by(SsoDomain.created_at, SsoDomain.domain)
    )
    return list(rows)


async def domains_claimed_elsewhere(
    db: AsyncSession, account_id: uuid.UUID, domains: list[str]
) -> set[str]:
    """Which of `domains` another account signs in with (an installation-wide check)."""
    async with rls.across_accounts(db):
        rows = await db.scalars(
            select(SsoDomain.domain).where(
                SsoDomain.domain.in_(domains), SsoDomain.account_id != account_id
            )
        )
        return set(rows)


async def replace_domains(db: AsyncSession, account_id: uuid.UUID, domains: list[str]) -> None:
    current = set(await domains_of(db, account_id))
    await db.execute(
        delete(SsoDomain).where(
            SsoDomain.account_id == account_id, SsoDomain.domain.not_in(domains)
        )
    )
    for domain in domains:
        if domain not in current:
            db.add(SsoDomain(account_id=account_id, domain=domain))
    await db.flush()


async def delete_config(db: AsyncSession, account_id: uuid.UUID) -> None:
    await db.execute(delete(SsoDomain).where(SsoDomain.account_id == account_id))
    await db.execute(delete(SsoConfig).where(SsoConfig.account_id == account_id))


async def config_for_domain(db: AsyncSession, domain: str) -> SsoConfig | None:
    """The provider an email domain signs in with (public sign-in routes: all accounts)."""
    return await db.scalar(
        select(SsoConfig)
        .join(SsoDomain, SsoDomain.account_id == SsoConfig.account_id)
        .where(SsoDomain.domain == domain)
    )


async def required_for(db: AsyncSession, account_id: uuid.UUID) -> SsoConfig | None:
    """The account's provider when it refuses passwords, else None."""
    return await db.scalar(
        select(SsoConfig).where(SsoConfig.account_id == account_id, SsoConfig.required.is_(True))
    )


def add_state(db: AsyncSession, state: SsoLoginState) -> None:
    db.add(state)


async def state_by_hash(db: AsyncSession, state_hash: str) -> SsoLoginState | None:
    return await db.scalar(select(SsoLoginState).where(SsoLoginState.state_hash == state_hash))


async def consume_state(db: AsyncSession, state: SsoLoginState, now: datetime) -> bool:
    """Marks the state used; False when another callback used it first."""
    result = await db.execute(
        update(SsoLoginState)
        .where(
            SsoLoginState.id == state.id,
            SsoLoginState.account_id == state.account_id,
            SsoLoginState.consumed_at.is_(None),
        )
        .values(consumed_at=now)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def purge_states(db: AsyncSession, account_id: uuid.UUID, before: datetime) -> None:
    await db.execute(
        delete(SsoLoginState).where(
            SsoLoginState.account_id == account_id, SsoLoginState.expires_at < before
        )
    )


async def identity(
    db: AsyncSession, account_id: uuid.UUID, issuer: str, subject: str
) -> SsoIdentity | None:
    return await db.scalar(
        select(SsoIdentity).where(
            SsoIdentity.account_id == account_id,
            SsoIdentity.issuer == issuer,
            SsoIdentity.subject == subject,
        )
    )


async def user_in_account(
    db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID
) -> User | None:
    return await db.scalar(select(User).where(User.account_id == account_id, User.id == user_id))


async def user_by_email(db: AsyncSession, email: str) -> User | None:
    """Emails are unique across the installation; the caller checks the account."""
    return await db.scalar(select(User).where(User.email == email))


def add(db: AsyncSession, row: SsoIdentity | User | SsoConfig) -> None:
    db.add(row)
