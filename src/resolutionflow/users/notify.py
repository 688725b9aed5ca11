"""Delivering invite links: by email when SMTP is configured, otherwise back to the admin."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.config import Settings
from resolutionflow.models import Invite
from resolutionflow.outbound.notices import queue_email
from resolutionflow.providers.notify.email import smtp_configured
from resolutionflow.users.invites import invite_url
from resolutionflow.users.schemas import InviteIssued


async def deliver_invite(
    settings: Settings,
    db: AsyncSession,
    invite: Invite,
    token: str,
    *,
    account_name: str,
    inviter_name: str,
) -> InviteIssued:
    """Queues the invite email as a job in the caller's unit of work: it exists exactly when the
    invite was stored, survives a restart, and is retried while the SMTP server refuses (its
    body, which carries the link, is encrypted in the job). The caller kicks the worker after
    the response (`jobs.after_response`)."""
    url = invite_url(settings, token)
    if not smtp_configured(settings):
        return InviteIssued(
            id=invite.id, expires_at=invite.expires_at, emailed=False, invite_url=url
        )
    text = (
        f"Hello {invite.name},\n\n"
        f"{inviter_name} invited you to {account_name} on ResolutionFlow.\n"
        f"Set your password and sign in here:\n\n{url}\n\n"
        f"The link works until {invite.expires_at:%Y-%m-%d %H:%M} UTC.\n"
    )
    await queue_email(
        db,
        invite.account_id,
        to=invite.email,
        subject=f"You're invited to {account_name} on ResolutionFlow",
        text=text,
    )
    return InviteIssued(id=invite.id, expires_at=invite.expires_at, emailed=True)
