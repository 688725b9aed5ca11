"""Escalation notices by email, to a local SMTP server: each person told gets a message that
links to the pickup screen and carries no secret."""

from __future__ import annotations

from httpx import AsyncClient

from tests.fixtures.factories import Factory
from tests.users.test_invite_email import _body, _Inbox, _wait_for
from tests.users.test_invite_email import inbox as inbox

SECRET = "Hunter2-Zx9!qPlanted"


async def test_the_people_told_get_an_email_linking_to_the_pickup_screen(
    client: AsyncClient, factory: Factory, inbox: _Inbox
) -> None:
    tenant = await factory.tenant()
    sid = (
        await client.post(
            "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Outlook crashes"}
        )
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": f"Tried everything; her password is {SECRET}", "priority": "urgent"},
    )
    assert r.status_code == 201, r.text
    message = await _wait_for(inbox, tenant.admin.email)
    assert message["Subject"].startswith("[urgent] Escalation: Outlook crashes")
    body = _body(message)
    assert f"/handoffs/{r.json()['id']}" in body
    assert SECRET not in body and "[REDACTED:password]" in body
    sent = await client.get(
        f"/api/v1/sessions/{sid}/redaction-reports", headers=tenant.admin.headers
    )
    email_report = next(x for x in sent.json() if x["channel"] == "email")
    assert email_report["counts"] == {"password": 1}
