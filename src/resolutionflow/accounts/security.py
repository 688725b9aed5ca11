"""Account sign-in timeouts: how long a sign-in may sit unused, and how long it may live at all.
Enforced when a refresh token is used (auth.service.refresh); null keeps the defaults."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.accounts.schemas import SecurityRead, SecurityUpdate
from resolutionflow.accounts.service import get_account
from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import get_settings
from resolutionflow.errors import ValidationFailed
from resolutionflow.models import Account
from resolutionflow.sso import service as sso


def read(account: Account, sso_required: bool) -> SecurityRead:
    return SecurityRead(
        idle_minutes=account.session_idle_minutes,
        absolute_hours=account.session_absolute_hours,
        default_idle_minutes=get_settings().refresh_token_ttl_s // 60,
        sso_required=sso_required,
    )


async def get(db: AsyncSession, account_id: uuid.UUID) -> SecurityRead:
    return read(await get_account(db, account_id), await sso.required(db, account_id))


async def save(
    db: AsyncSession, principal: Principal, data: SecurityUpdate, client: ClientInfo
) -> SecurityRead:
    idle = data.idle_minutes if data.idle_minutes is not None else read_default_idle()
    if data.absolute_hours is not None and idle >= data.absolute_hours * 60:
        raise ValidationFailed(
            "The idle timeout must be shorter than the absolute lifetime.",
            errors=[
                {
                    "loc": ["body", "idle_minutes"],
                    "msg": "must be shorter than absolute_hours",
                    "type": "value_error",
                }
            ],
        )
    account = await get_account(db, principal.account_id)
    before = {
        "idle_minutes": account.session_idle_minutes,
        "absolute_hours": account.session_absolute_hours,
    }
    account.session_idle_minutes = data.idle_minutes
    account.session_absolute_hours = data.absolute_hours
    sso_before = await sso.required(db, account.id)
    if data.sso_required is not None:
        await sso.set_required(db, account.id, data.sso_required)
    sso_after = data.sso_required if data.sso_required is not None else sso_before
    await db.flush()
    record_by(
        db,
        principal,
        "account.security_changed",
        client=client,
        target_type="account",
        target_id=account.id,
        detail={
            "from": before | ({"sso_required": sso_before} if sso_after != sso_before else {}),
            "to": {"idle_minutes": data.idle_minutes, "absolute_hours": data.absolute_hours}
            | ({"sso_required": sso_after} if sso_after != sso_before else {}),
        },
    )
    return read(account, sso_after)


def read_default_idle() -> int:
    return get_settings().refresh_token_ttl_s // 60
