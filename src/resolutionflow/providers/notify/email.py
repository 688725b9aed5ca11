"""Email over SMTP with aiosmtplib; the `notify.email` job (outbound/notices.py) is its caller."""

from __future__ import annotations

from email.message import EmailMessage

import aiosmtplib

from resolutionflow.config import Settings


def smtp_configured(settings: Settings) -> bool:
    return bool(settings.smtp_host)


class EmailNotSent(Exception):
    """The SMTP server refused or could not be reached; `reason` never holds the body."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def deliver(settings: Settings, *, to: str, subject: str, text: str) -> None:
    """Send one message or raise EmailNotSent (the job queue retries it)."""
    if not settings.smtp_host:
        raise EmailNotSent("SMTP is not configured")
    try:
        message = EmailMessage()
        message["From"] = settings.smtp_from
        message["To"] = to
        message["Subject"] = subject
        message.set_content(text)
        await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            start_tls=settings.smtp_starttls,
            timeout=settings.smtp_timeout_s,
        )
    except aiosmtplib.SMTPResponseException as exc:
        raise EmailNotSent(f"the SMTP server answered {exc.code}") from None
    except (aiosmtplib.SMTPException, OSError, ValueError) as exc:
        raise EmailNotSent(f"the SMTP server could not be reached ({type(exc).__name__})") from None
