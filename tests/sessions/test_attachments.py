"""Attachments: the real file type decides, sizes are limited, bytes come back unchanged."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.config import get_settings
from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory
from tests.sessions.flows import start

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


async def _upload(client: AsyncClient, headers: dict[str, str], sid: str, name: str, data: bytes):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/sessions/{sid}/attachments",
        params={"filename": name},
        content=data,
        headers=headers,
    )


async def test_a_screenshot_is_stored_listed_and_served_back(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None))["id"]
    r = await _upload(client, tenant.engineer.headers, sid, "C:\\Users\\dana\\error.png", PNG)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["filename"] == "error.png" and body["content_type"] == "image/png"
    assert body["size"] == len(PNG)

    got = await client.get(body["url"], headers=tenant.engineer.headers)
    assert got.content == PNG and got.headers["content-type"] == "image/png"
    assert got.headers["content-disposition"].startswith("inline")
    detail = await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    last = detail.json()["timeline"][-1]
    assert last["type"] == "attachment" and last["payload"]["attachment_id"] == body["id"]
    stored = list((get_settings().data_dir / "attachments").rglob(body["id"].replace("-", "")))
    assert len(stored) == 1 and stored[0].read_bytes() == PNG
    note = await client.get(
        f"/api/v1/sessions/{sid}/documentation", headers=tenant.engineer.headers
    )
    assert "Attached error.png (2 KB)" in note.text


async def test_text_is_served_as_plain_text_download_never_html(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None))["id"]
    r = await _upload(
        client,
        tenant.engineer.headers,
        sid,
        "setup.log",
        b"<html><script>alert(1)</script></html>\nline two\n",
    )
    assert r.status_code == 201
    got = await client.get(r.json()["url"], headers=tenant.engineer.headers)
    assert got.headers["content-type"].startswith("text/plain")
    assert got.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in got.headers["content-security-policy"]


async def test_unknown_empty_and_oversized_files_are_refused(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None))["id"]
    h = tenant.engineer.headers
    assert_problem(await _upload(client, h, sid, "tool.exe", b"MZ\x90\x00" + b"\x00" * 64), 415)
    # A name that claims an image does not make one.
    assert_problem(await _upload(client, h, sid, "shot.png", b"GIF-not-really"), 415)
    assert_problem(await _upload(client, h, sid, "empty.txt", b""), 422)
    big = PNG + b"\x00" * (get_settings().max_attachment_bytes + 1)
    assert_problem(await _upload(client, h, sid, "huge.png", big), 422)
    detail = await client.get(f"/api/v1/sessions/{sid}", headers=h)
    assert [e["type"] for e in detail.json()["timeline"]] == ["started"]


async def test_only_people_who_see_the_session_can_attach_or_download(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant, Role.engineer)
    sid = (await start(client, tenant, None))["id"]
    r = await _upload(client, tenant.engineer.headers, sid, "a.png", PNG)
    assert_problem(await _upload(client, colleague.headers, sid, "b.png", PNG), 404)
    assert_problem(await client.get(r.json()["url"], headers=colleague.headers), 404)
    assert (await client.get(r.json()["url"], headers=tenant.admin.headers)).status_code == 200
    assert_problem(
        await client.post(
            f"/api/v1/sessions/{sid}/attachments",
            params={"filename": "a\x01b.png"},
            content=PNG,
            headers=tenant.engineer.headers,
        ),
        422,
    )


async def test_a_removed_file_is_left_out_of_the_note_name_and_all(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None))["id"]
    kept = (await _upload(client, tenant.engineer.headers, sid, "event-log.png", PNG)).json()
    gone = (await _upload(client, tenant.engineer.headers, sid, "password-dialog.png", PNG)).json()
    r = await client.delete(
        f"/api/v1/sessions/{sid}/attachments/{gone['id']}", headers=tenant.engineer.headers
    )
    assert r.status_code == 204
    note = await client.get(
        f"/api/v1/sessions/{sid}/documentation", headers=tenant.engineer.headers
    )
    assert f"Attached {kept['filename']}" in note.text
    assert "password-dialog" not in note.text
