"""Invites over SMTP: with a mail server configured the link is emailed, not returned."""

from __future__ import annotations

import asyncio
import email
import email.policy
import re
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from httpx import AsyncClient

from resolutionflow.config import get_settings
from resolutionflow.models import Role
from tests.fixtures.factories import Factory, unique


class _Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[_Inbox]:
    handler = _Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("RESOLUTIONFLOW_SMTP_HOST", "127.0.0.1")
            mp.setenv("RESOLUTIONFLOW_SMTP_PORT", str(controller.port))
            get_settings.cache_clear()
            try:
                yield handler
            finally:
                get_settings.cache_clear()
        get_settings.cache_clear()  # rebuilt from the restored environment: no SMTP
        assert get_settings().smtp_host is None
    finally:
        controller.stop()


async def _wait_for(inbox: _Inbox, to: str) -> EmailMessage:
    for _ in range(50):
        for recipients, message in inbox.messages:
            if to in recipients:
                return message
        await asyncio.sleep(0.1)
    raise AssertionError(f"no message to {to} arrived; got {inbox.messages!r}")


def _body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


async def test_invite_is_emailed_when_smtp_is_configured(
    client: AsyncClient, factory: Factory, inbox: _Inbox
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    address = f"{unique('mailed')}@example.com"

    r = await client.post(
        "/api/v1/users",
        json={"email": address, "name": "Mailed Person", "role": "engineer"},
        headers=tenant.admin.headers,
    )

    assert r.status_code == 201, r.text
    invite = r.json()["invite"]
    assert invite["emailed"] is True
    assert invite["invite_url"] is None
    message = await _wait_for(inbox, address)
    assert message["To"] == address
    assert tenant.name in message["Subject"]
    match = re.search(r"/invite/([A-Za-z0-9_\-]+)", _body(message))
    assert match is not None, _body(message)
    preview = await client.get(f"/api/v1/auth/invites/{match.group(1)}")
    assert preview.status_code == 200, preview.text
    assert preview.json()["email"] == address
    assert preview.json()["account_name"] == tenant.name


async def test_resent_invite_is_emailed_with_a_new_link(
    client: AsyncClient, factory: Factory, inbox: _Inbox
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    address = f"{unique('resent')}@example.com"
    r = await client.post(
        "/api/v1/users",
        json={"email": address, "name": "Resent Person", "role": "viewer"},
        headers=tenant.admin.headers,
    )
    first = re.search(r"/invite/([A-Za-z0-9_\-]+)", _body(await _wait_for(inbox, address)))
    assert first is not None
    inbox.messages.clear()

    resent = await client.post(
        f"/api/v1/invites/{r.json()['invite']['id']}/resend", headers=tenant.admin.headers
    )

    assert resent.status_code == 200, resent.text
    assert resent.json()["emailed"] is True
    assert resent.json()["invite_url"] is None
    second = re.search(r"/invite/([A-Za-z0-9_\-]+)", _body(await _wait_for(inbox, address)))
    assert second is not None and second.group(1) != first.group(1)
    assert (await client.get(f"/api/v1/auth/invites/{second.group(1)}")).status_code == 200
    assert (await client.get(f"/api/v1/auth/invites/{first.group(1)}")).status_code == 404
