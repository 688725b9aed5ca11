"""Slack and Microsoft Teams incoming webhooks: one short message per escalation. The text is
built from the redacted handoff snapshot; the URL carries its own token and is stored encrypted."""

from __future__ import annotations

import logging
from typing import Literal
from urllib.parse import urlsplit

import httpx

log = logging.getLogger(__name__)

Kind = Literal["slack", "teams"]
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class WebhookError(Exception):
    pass


def check_url(url: str) -> str:
    """https only (http on loopback, for local test servers); the URL is a secret."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and parts.hostname in _LOOPBACK:
        return url
    raise ValueError("must be an https:// incoming-webhook URL")


def payload(kind: Kind, title: str, text: str, link: str) -> dict[str, object]:
    if kind == "slack":
        return {"text": f"*{title}*\n{text}\n<{link}|Open the handoff>"}
    # Teams incoming webhook (connector card): title, text and one button.
    return {
        "@type": "MessageCard",
        "@context": "https://schema.org/extensions",
        "summary": title,
        "title": title,
        "text": text,
        "potentialAction": [
            {
                "@type": "OpenUri",
                "name": "Open the handoff",
                "targets": [{"os": "default", "uri": link}],
            }
        ],
    }


async def send(
    kind: Kind, url: str, title: str, text: str, link: str, timeout_s: float = 10.0
) -> None:
    try:
        async with httpx.AsyncClient(timeout=timeout_s, follow_redirects=False) as client:
            r = await client.post(url, json=payload(kind, title, text, link))
        if r.status_code >= 300:
            raise WebhookError(f"{kind} webhook answered {r.status_code}")
    except httpx.HTTPError as exc:
        # Never the URL in the message: it is the credential.
        raise WebhookError(f"{kind} webhook unreachable ({type(exc).__name__})") from None
