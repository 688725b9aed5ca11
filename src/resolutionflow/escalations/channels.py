"""The account's escalation channels beyond in-app and email: Slack and Teams webhooks."""

from __future__ import annotations

import logging
import uuid
from typing import Annotated

from pydantic import StringConstraints, field_validator
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.common import crypto
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.models import Account
from resolutionflow.providers.notify import webhook

log = logging.getLogger(__name__)

Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]


class ChannelsWrite(WriteSchema):
    """Omitted or null: keep; "" removes."""

    slack_webhook_url: Url | None = None
    teams_webhook_url: Url | None = None

    @field_validator("slack_webhook_url", "teams_webhook_url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        return webhook.check_url(v) if v else v


class ChannelsRead(ReadSchema):
    slack_webhook_set: bool
    teams_webhook_set: bool


def read(account: Account) -> ChannelsRead:
    return ChannelsRead(
        slack_webhook_set=bool(account.slack_webhook_encrypted),
        teams_webhook_set=bool(account.teams_webhook_encrypted),
    )


def save(account: Account, body: ChannelsWrite) -> None:
    fields = body.model_dump(exclude_unset=True)
    if "slack_webhook_url" in fields and fields["slack_webhook_url"] is not None:
        url = fields["slack_webhook_url"]
        account.slack_webhook_encrypted = crypto.encrypt(url) if url else None
    if "teams_webhook_url" in fields and fields["teams_webhook_url"] is not None:
        url = fields["teams_webhook_url"]
        account.teams_webhook_encrypted = crypto.encrypt(url) if url else None


async def targets(db: AsyncSession, account_id: uuid.UUID) -> list[tuple[webhook.Kind, str]]:
    account = await db.get(Account, account_id)
    out: list[tuple[webhook.Kind, str]] = []
    if account is None:
        return out
    for kind, token in (
        ("slack", account.slack_webhook_encrypted),
        ("teams", account.teams_webhook_encrypted),
    ):
        if token:
            try:
                out.append((kind, crypto.decrypt(token)))  # type: ignore[arg-type]
            except crypto.DecryptionFailed:
                log.warning("a %s webhook URL cannot be decrypted; enter it again", kind)
    return out


async def deliver(
    hooks: list[tuple[webhook.Kind, str]], title: str, text: str, link: str
) -> list[str]:
    """Sends to every configured hook; returns what failed (kinds and reasons, never URLs)."""
    failed = []
    for kind, url in hooks:
        try:
            await webhook.send(kind, url, title, text, link)
        except webhook.WebhookError as exc:
            log.warning("escalation webhook failed: %s", exc)
            failed.append(str(exc))
    return failed
