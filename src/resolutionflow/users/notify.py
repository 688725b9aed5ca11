"""Delivering invite links: by email when SMTP is configured, otherwise back to the admin."""

from __future__ import annotations

from fastapi import BackgroundTasks

from resolutionflow.config import Settings
from resolutionflow.models import Invite
from resolutionflow.providers.notify.email import send_email, smtp_configured
from resolutionflow.users.invites import invite_url
from resolutionflow.users.schemas import InviteIssued


def deliver_invite(
    settings: Settings,
    background: BackgroundTasks,
    invite: Invite,
    token: str,
    *,
    account_name: str,
    inviter_name: str,
) -> InviteIssued:
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
    # Background tasks run after the response, i.e. after the request-edge commit: no email
    # ever points at an invite that was rolled back.
    background.add_task(
        send_email,
        settings,
        to=invite.email,
        subject=f"You're invited to {account_name} on ResolutionFlow",
        text=text,
    )
    return InviteIssued(id=invite.id, expires_at=invite.expires_at, emailed=True)
