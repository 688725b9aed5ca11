"""Email and Slack/Teams notices as durable jobs: queued in the transaction that caused them,
sent by a worker, retried with backoff, and recorded as delivered on the job once sent.

Payloads hold no credential in clear: an email's body (an invite link is one) is encrypted, and
a webhook job names only its channel — the URL is read and decrypted when it is sent.
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.common import crypto
from resolutionflow.config import get_settings
from resolutionflow.jobs import kinds, queue
from resolutionflow.jobs.context import JobContext
from resolutionflow.models import Job
from resolutionflow.providers.notify import webhook
from resolutionflow.providers.notify.email import EmailNotSent, deliver, smtp_configured


class EmailPayload(BaseModel):
    to: str
    subject: str
    text_encrypted: str


class WebhookPayload(BaseModel):
    channel: Literal["slack", "teams"]
    title: str
    text: str
    link: str


async def _send_email(ctx: JobContext, p: EmailPayload) -> None:
    settings = get_settings()
    if not smtp_configured(settings):
        raise kinds.JobFailed("SMTP is not configured on this installation.")
    try:
        text = crypto.decrypt(p.text_encrypted)
    except crypto.DecryptionFailed as exc:
        raise kinds.JobFailed("The message cannot be decrypted with the configured keys.") from exc
    try:
        await deliver(settings, to=p.to, subject=p.subject, text=text)
    except EmailNotSent as exc:
        raise kinds.JobRetry(f"Email to {p.to} not sent: {exc.reason}.") from None


async def _send_webhook(ctx: JobContext, p: WebhookPayload) -> None:
    from resolutionflow.escalations import channels

    async with ctx.transaction() as db:
        hooks = dict(await channels.targets(db, ctx.account_id))
    url = hooks.get(p.channel)
    if url is None:
        raise kinds.JobFailed(f"The {p.channel.title()} webhook was removed; nothing to send to.")
    try:
        await webhook.send(p.channel, url, p.title, p.text, p.link)
    except webhook.WebhookError as exc:
        raise kinds.JobRetry(str(exc)) from None  # the message never holds the URL


EMAIL = kinds.register(
    kinds.JobKind(
        name="notify.email",
        payload=EmailPayload,
        run=_send_email,
        title="Email",
        max_attempts=6,
        delays=(30, 120, 600, 1800, 3600),
        timeout_s=60,
        concurrency=4,
        describe=lambda p: f"To {p.to}: {p.subject}",
    )
)
WEBHOOK = kinds.register(
    kinds.JobKind(
        name="notify.webhook",
        payload=WebhookPayload,
        run=_send_webhook,
        title="Slack/Teams notice",
        # About 30 s, 2 min and 10 min after the first failure, then it is dead.
        max_attempts=4,
        delays=(30, 120, 600),
        timeout_s=30,
        describe=lambda p: f"{p.channel.title()}: {p.title}",
    )
)


async def queue_email(
    db: AsyncSession, account_id: uuid.UUID, *, to: str, subject: str, text: str
) -> Job:
    payload = EmailPayload(to=to, subject=subject, text_encrypted=crypto.encrypt(text))
    return await queue.enqueue(db, EMAIL, payload, account_id=account_id)


async def queue_webhooks(
    db: AsyncSession,
    account_id: uuid.UUID,
    channels: list[webhook.Kind],
    *,
    title: str,
    text: str,
    link: str,
) -> list[Job]:
    return [
        await queue.enqueue(
            db,
            WEBHOOK,
            WebhookPayload(channel=channel, title=title, text=text, link=link),
            account_id=account_id,
        )
        for channel in channels
    ]
