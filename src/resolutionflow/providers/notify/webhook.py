"""Slack and Microsoft Teams incoming webhooks: one short message per escalation. The text is
built from the redacted handoff snapshot; the URL carries its own token and is stored encrypted.
A team admin chooses the URL, so it is sent under the outbound policy (outbound/policy.py)."""

from __future__ import annotations

import logging
from typing import Literal
from urllib.parse import urlsplit

import httpx

from resolutionflow.outbound.policy import OutboundPolicy, describe

log = logging.getLogger(__name__)

Kind = Literal["slack", "teams"]
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class WebhookError(Exception):
    pass


def check_url(url: str) -> str:
    """https only (http on loopback, for local test servers) to an address the outbound policy
    allows (a literal one is checked here, a name when sending); the URL is a secret."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ValueError("must be an https:// incoming-webhook URL") from None
    if refused := OutboundPolicy.from_settings().check_url(url):
        raise ValueError(f"{refused}; this server does not send there")
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
    kind: Kind,
    url: str,
    title: str,
    text: str,
    link: str,
    timeout_s: float = 10.0,
    *,
    outbound: OutboundPolicy | None = None,
) -> None:
    try:
        policy = outbound or OutboundPolicy.from_settings()
        async with policy.client(timeout=timeout_s) as client:
            r = await client.post(url, json=payload(kind, title, text, link))
        if r.status_code >= 300:
            # The status only: the body is the remote's, and a redirect is not followed.
            raise WebhookError(f"{kind} webhook answered {r.status_code}")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        # Never the URL in the message (it is the credential), and only the kind of failure.
        _, words = describe(exc)
        raise WebhookError(f"{kind} webhook: {words}") from None
