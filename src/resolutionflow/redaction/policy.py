"""What an account redacts beyond secrets (emails, phones, IP addresses are opt-in)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.config import get_settings
from resolutionflow.models import Account
from resolutionflow.redaction import RedactionOptions

RedactionMode = Literal["standard", "strict"]


async def options_for(db: AsyncSession, account_id: uuid.UUID) -> RedactionOptions:
    # The installation's phone region: accounts have no country setting (yet).
    region = get_settings().phone_region.upper()
    account = await db.get(Account, account_id)
    if account is None:
        return RedactionOptions(phone_region=region)
    return RedactionOptions(
        emails=account.redact_emails,
        phones=account.redact_phones,
        ip_addresses=account.redact_ip_addresses,
        phone_region=region,
    )


def for_mode(options: RedactionOptions, mode: RedactionMode) -> RedactionOptions:
    """`strict` adds emails, phone numbers and IP addresses to what the account redacts; it only
    ever adds, so a strict export never shows what a standard one hides."""
    if mode == "strict":
        return replace(options, emails=True, phones=True, ip_addresses=True)
    return options
