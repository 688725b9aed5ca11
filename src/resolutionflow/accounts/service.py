"""Creating and reading accounts. Creation also makes the account's first team admin."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.accounts import repository
from resolutionflow.audit.service import record
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.db import rls
from resolutionflow.errors import Conflict, NotFound
from resolutionflow.models import Account, Role
from resolutionflow.users.schemas import UserCreate
from resolutionflow.users.service import CreatedUser, create_user


async def _unique_slug(db: AsyncSession, name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "account"
    slug, n = base, 1
    while await db.scalar(select(Account.id).where(Account.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


async def _name_taken(db: AsyncSession, name: str, except_id: uuid.UUID | None = None) -> bool:
    # Compared in Python with casefold: SQLite's lower() is ASCII-only.
    wanted = name.casefold()
    async with rls.across_accounts(db):  # names are unique across the installation
        rows = (await db.execute(select(Account.id, Account.name))).all()
    return any(n.casefold() == wanted and i != except_id for i, n in rows)


async def user_count(db: AsyncSession, account_id: uuid.UUID) -> int:
    return await repository.user_count(db, account_id)


@dataclass
class CreatedAccount:
    account: Account
    admin: CreatedUser


async def create_account(
    db: AsyncSession,
    *,
    name: str,
    admin_email: str,
    admin_name: str,
    admin_password: str | None,
    actor: Principal | None,
    client: ClientInfo | None,
) -> CreatedAccount:
    if await _name_taken(db, name):
        raise Conflict(
            f"An account named {name!r} already exists.",
            errors=[{"loc": ["body", "name"], "msg": "already in use", "type": "conflict"}],
        )
    account = Account(name=name, slug=await _unique_slug(db, name))
    db.add(account)
    await db.flush()
    data = UserCreate(
        email=admin_email, name=admin_name, role=Role.team_admin, password=admin_password
    )
    # The CLI has no signed-in user: the operator acts without a user row (audit actor is null).
    creator = actor or Principal(
        user_id=None,  # type: ignore[arg-type]
        account_id=account.id,
        role=Role.super_admin,
        email="operator (cli)",
        name="The operator",
    )
    client = client or ClientInfo(ip="cli", user_agent="resolutionflow-cli")
    admin = await create_user(db, creator, data, client, account_id=account.id)
    record(
        db,
        "account.created",
        account_id=account.id,
        actor_id=creator.user_id,
        actor_email=creator.email,
        client=client,
        target_type="account",
        target_id=account.id,
        detail={"name": name},
    )
    return CreatedAccount(account, admin)


async def get_account(db: AsyncSession, account_id: uuid.UUID) -> Account:
    account = await db.get(Account, account_id)
    if account is None:
        raise NotFound(f"No account with id {account_id}.")
    return account


async def list_accounts(db: AsyncSession) -> list[Account]:
    return list((await db.scalars(select(Account).order_by(Account.name))).all())


async def update(
    db: AsyncSession,
    account_id: uuid.UUID,
    *,
    name: str | None = None,
    engineers_can_publish: bool | None = None,
    **flags: bool | None,
) -> Account:
    account = await get_account(db, account_id)
    if name is not None and name != account.name:
        if await _name_taken(db, name, except_id=account.id):
            raise Conflict(
                f"An account named {name!r} already exists.",
                errors=[{"loc": ["body", "name"], "msg": "already in use", "type": "conflict"}],
            )
        account.name = name
    if engineers_can_publish is not None:
        account.engineers_can_publish = engineers_can_publish
    for flag in ("redact_emails", "redact_phones", "redact_ip_addresses"):
        if flags.get(flag) is not None:
            setattr(account, flag, flags[flag])
    await db.flush()
    return account
