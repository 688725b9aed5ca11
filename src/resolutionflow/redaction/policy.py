"""What an account redacts beyond secrets (emails, phones, IP addresses are opt-in)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import Account
from resolutionflow.redaction import RedactionOptions


async def options_for(db: AsyncSession, account_id: uuid.UUID) -> RedactionOptions:
    account = await db.get(Account, account_id)
    if account is None:
        return RedactionOptions()
    return RedactionOptions(
        emails=account.redact_emails,
        phones=account.redact_phones,
        ip_addresses=account.redact_ip_addresses,
    )
