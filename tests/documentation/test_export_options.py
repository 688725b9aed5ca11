"""Export options on the session documentation: timestamps, detail and redaction mode, with the
defaults pinned to the standard note."""

from __future__ import annotations

import re
from typing import Any

from httpx import AsyncClient

from tests.fixtures.factories import Factory, Tenant
from tests.sessions.flows import EVERY_TYPE, publish, send, start

CLOCK = re.compile(r"\b\d{2}:\d{2}\b")


async def worked_session(client: AsyncClient, factory: Factory) -> tuple[Tenant, str]:
    tenant = await factory.tenant()
    session = await start(
        client, tenant, await publish(client, tenant, EVERY_TYPE), ticket_id="T-5512"
    )
    sid = str(session["id"])
    await send(client, tenant, sid, type="answer", node_id="q", answer="Yes")
    await send(client, tenant, sid, type="answer", node_id="code", answer="", value="0x80070035")
    await send(
        client,
        tenant,
        sid,
        type="note",
        text="Dana (dana.lee@contoso.com, +1 415 555 0134) is on 10.20.30.40; "
        "the password is Tr0ub4dor&3.",
    )
    await send(client, tenant, sid, type="resolve", summary="Remapped Z: via GPO refresh")
    return tenant, sid


async def _get(client: AsyncClient, tenant: Tenant, sid: str, **params: Any) -> Any:
    return await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"intent": "preview", **params},
        headers=tenant.engineer.headers,
    )


async def test_defaults_are_the_standard_note_byte_for_byte(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    for fmt in ("markdown", "text", "html"):
        plain = await _get(client, tenant, sid, format=fmt)
        explicit = await _get(
            client,
            tenant,
            sid,
            format=fmt,
            timestamps="true",
            detail="standard",
            redaction="standard",
        )
        assert plain.status_code == explicit.status_code == 200
        assert plain.content == explicit.content
    note = (await _get(client, tenant, sid)).text
    # The standard note: times of day, the account's (default) redaction that keeps PII.
    assert CLOCK.search(note)
    assert "dana.lee@contoso.com" in note and "10.20.30.40" in note
    assert "Tr0ub4dor&3" not in note and "[REDACTED:password]" in note


async def test_timestamps_off_leaves_every_time_of_day_out(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    for fmt in ("markdown", "text", "html"):
        r = await _get(client, tenant, sid, format=fmt, timestamps="false")
        assert r.status_code == 200
        assert not CLOCK.search(r.text), r.text
        assert "Does the share open by UNC path?" in r.text
        assert "of active work" in r.text


async def test_detail_summary_keeps_problem_outcome_and_summary_only(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    note = (await _get(client, tenant, sid, detail="summary")).text
    assert "## Problem summary" in note and "## Resolution" in note
    assert "Remapped Z: via GPO refresh" in note
    assert "## Steps performed" not in note and "## Notes and command output" not in note
    assert "Does the share open by UNC path?" not in note


async def test_detail_full_adds_the_whole_timeline(client: AsyncClient, factory: Factory) -> None:
    tenant, sid = await worked_session(client, factory)
    standard = (await _get(client, tenant, sid)).text
    full = (await _get(client, tenant, sid, detail="full")).text
    assert "## Full timeline" not in standard
    assert full.startswith(standard.rstrip("\n"))
    timeline = full.split("## Full timeline", 1)[1]
    assert "Session started" in timeline and "Step shown" in timeline
    assert "Answered" in timeline and "Resolved" in timeline
    assert "Does the share open by UNC path? → Yes" in timeline
    # Free text in the timeline is redacted as everywhere else.
    assert "Tr0ub4dor&3" not in full and "[REDACTED:password]" in timeline


async def test_strict_redaction_masks_ips_emails_and_phones(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    for fmt in ("markdown", "text", "html"):
        note = (await _get(client, tenant, sid, format=fmt, redaction="strict")).text
        assert "dana.lee@contoso.com" not in note and "[REDACTED:email]" in note
        assert "10.20.30.40" not in note and "[REDACTED:ip_address]" in note
        assert "555 0134" not in note and "[REDACTED:phone]" in note
        assert "Tr0ub4dor&3" not in note and "[REDACTED:password]" in note
        # Troubleshooting facts stay.
        assert "0x80070035" in note and "T-5512" in note


async def test_strict_export_is_recorded_with_what_it_redacted(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "text", "redaction": "strict", "intent": "download"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 200
    reports = (
        await client.get(
            f"/api/v1/sessions/{sid}/redaction-reports", headers=tenant.engineer.headers
        )
    ).json()
    assert reports[0]["detail"] == "download text"
    assert reports[0]["counts"]["email"] == 1 and reports[0]["counts"]["ip_address"] == 1


async def test_bad_option_values_are_422_naming_the_parameter(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    for param, value in (("detail", "verbose"), ("redaction", "none"), ("timestamps", "maybe")):
        r = await _get(client, tenant, sid, **{param: value})
        assert r.status_code == 422, (param, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert any(e["loc"][-1] == param for e in r.json()["errors"]), r.json()
