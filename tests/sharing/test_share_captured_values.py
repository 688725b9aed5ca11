"""A password typed into an input step never reaches a share link: not the public page (no
sign-in), not the account link's read-only session, not its note."""

from __future__ import annotations

import pytest
from httpx import AsyncClient

from resolutionflow.redaction.inputs import SECRET_CAPTURED
from tests.fixtures.factories import Factory
from tests.sessions.captured import ERROR_CODE, PASSWORD, answer_password, resolve


@pytest.mark.parametrize("input_type", [None, "secret"])
async def test_share_links_never_show_a_captured_password(
    client: AsyncClient, factory: Factory, input_type: str | None
) -> None:
    tenant = await factory.tenant()
    sid, _ = await answer_password(client, tenant, input_type)
    await resolve(client, tenant, sid)
    tokens = {}
    for public in (True, False):
        r = await client.post(
            f"/api/v1/sessions/{sid}/shares",
            headers=tenant.engineer.headers,
            json={"public": public},
        )
        assert r.status_code == 201, r.text
        tokens[public] = r.json()["url"].rsplit("/", 1)[1]

    r = await client.get(f"/api/v1/public/shares/{tokens[True]}")
    assert r.status_code == 200, r.text
    assert PASSWORD not in r.text
    view = r.json()
    shown = SECRET_CAPTURED if input_type == "secret" else "[REDACTED:password]"
    for fmt in ("note_html", "note_markdown", "note_text"):
        assert shown in view[fmt] and ERROR_CODE in view[fmt], fmt

    # A colleague (a viewer) opening the account-only link, and its note.
    viewer = tenant.viewer.headers
    r = await client.get(f"/api/v1/shares/{tokens[False]}", headers=viewer)
    assert r.status_code == 200, r.text
    assert PASSWORD not in r.text and ERROR_CODE in r.text
    for fmt in ("markdown", "text", "html"):
        r = await client.get(
            f"/api/v1/shares/{tokens[False]}/documentation", params={"format": fmt}, headers=viewer
        )
        assert r.status_code == 200, r.text
        assert PASSWORD not in r.text and shown in r.text
