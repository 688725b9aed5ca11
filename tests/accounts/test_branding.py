"""Account branding of exported PDFs: colour and footer validated, the logo checked by content,
re-encoded, served with safe headers, removable; and all three on the PDFs."""

from __future__ import annotations

import io

from httpx import AsyncClient
from PIL import Image
from pypdf import PdfReader

from tests.auth.support import audit_events
from tests.documentation.test_export_options import worked_session
from tests.fixtures.factories import Factory, Tenant

URL = "/api/v1/account/branding"


def _image(fmt: str, size: tuple[int, int] = (40, 20), **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (29, 78, 216)).save(out, fmt, **save)
    return out.getvalue()


async def _upload(client: AsyncClient, tenant: Tenant, data: bytes, ctype: str = "image/png"):  # type: ignore[no-untyped-def]
    return await client.put(
        f"{URL}/logo", content=data, headers={**tenant.admin.headers, "Content-Type": ctype}
    )


async def test_colour_and_footer_are_saved_and_validated(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    r = await client.get(URL, headers=tenant.viewer.headers)
    assert r.json() == {"primary_color": None, "footer_text": "", "logo": None}
    r = await client.put(
        URL,
        json={"primary_color": "#1D4ED8", "footer_text": "Contoso IT · 0800 123 456"},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 200, r.text
    assert r.json()["primary_color"] == "#1d4ed8"
    assert (await client.get(URL, headers=tenant.engineer.headers)).json()["footer_text"] == (
        "Contoso IT · 0800 123 456"
    )
    for body, field in (
        ({"primary_color": "blue"}, "primary_color"),
        ({"primary_color": "#12345"}, "primary_color"),
        ({"footer_text": "x" * 201}, "footer_text"),
        ({"footer_text": "two\nlines"}, "footer_text"),
    ):
        r = await client.put(URL, json=body, headers=tenant.admin.headers)
        assert r.status_code == 422, body
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["loc"][-1] == field
    r = await client.put(URL, json={"primary_color": "#000000"}, headers=tenant.engineer.headers)
    assert r.status_code == 403
    # Clearing: null and "".
    r = await client.put(
        URL, json={"primary_color": None, "footer_text": ""}, headers=tenant.admin.headers
    )
    assert r.json() == {"primary_color": None, "footer_text": "", "logo": None}


async def test_logo_png_or_jpeg_only_reencoded_and_removable(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    # Trailing data after the image (a polyglot) does not survive the re-encoding.
    planted = _image("PNG") + b"<script>alert(1)</script>"
    r = await _upload(client, tenant, planted)
    assert r.status_code == 200, r.text
    logo = r.json()["logo"]
    assert logo["content_type"] == "image/png" and logo["url"].startswith(f"{URL}/logo?v=")
    served = await client.get(logo["url"], headers=tenant.viewer.headers)
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/png"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in served.headers["content-security-policy"]
    assert b"<script>" not in served.content
    assert Image.open(io.BytesIO(served.content)).size == (40, 20)

    r = await _upload(client, tenant, _image("JPEG"), "image/jpeg")
    assert r.json()["logo"]["content_type"] == "image/jpeg"
    assert r.json()["logo"]["url"] != logo["url"]

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for bad, status in (
        (svg, 415),
        (_image("GIF"), 415),
        (b"\x89PNG\r\n\x1a\nnot really a png", 415),
        (_image("PNG", (300, 300))[:200], 415),  # cut short
        (b"", 422),
        (_image("PNG", (2400, 10)), 422),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (600 * 1024), 422),
    ):
        r = await _upload(client, tenant, bad)
        assert r.status_code == status, (bad[:20], r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    r = await _upload(client, tenant, _image("PNG"))
    assert r.status_code == 200
    r = await client.put(
        f"{URL}/logo",
        content=_image("PNG"),
        headers={**tenant.engineer.headers, "Content-Type": "image/png"},
    )
    assert r.status_code == 403

    r = await client.delete(f"{URL}/logo", headers=tenant.admin.headers)
    assert r.status_code == 200 and r.json()["logo"] is None
    r = await client.get(f"{URL}/logo", headers=tenant.admin.headers)
    assert r.status_code == 404


async def test_another_accounts_logo_is_not_served(client: AsyncClient, factory: Factory) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    assert (await _upload(client, theirs, _image("PNG"))).status_code == 200
    r = await client.get(f"{URL}/logo", headers=mine.admin.headers)
    assert r.status_code == 404
    assert (await client.get(URL, headers=mine.admin.headers)).json()["logo"] is None


def _images_in(content: bytes) -> int:
    reader = PdfReader(io.BytesIO(content))
    return sum(len(page.images) for page in reader.pages)


async def test_pdfs_carry_logo_and_footer_on_every_page(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    plain = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "pdf", "detail": "full"},
        headers=tenant.engineer.headers,
    )
    assert _images_in(plain.content) == 0
    assert "Page 1 of" in PdfReader(io.BytesIO(plain.content)).pages[0].extract_text()
    await client.put(
        URL,
        json={"primary_color": "#b91c1c", "footer_text": "Contoso Managed IT — confidential"},
        headers=tenant.admin.headers,
    )
    assert (await _upload(client, tenant, _image("PNG"))).status_code == 200
    # Enough notes for several pages.
    for n in range(40):
        await client.post(
            f"/api/v1/sessions/{sid}/events",
            headers=tenant.engineer.headers,
            json={"type": "note", "text": f"Checked share {n} again; still mapped and reachable."},
        )
    branded = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "pdf", "detail": "full"},
        headers=tenant.engineer.headers,
    )
    assert branded.status_code == 200
    reader = PdfReader(io.BytesIO(branded.content))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        # The footer line and the logo (a running header) on every page.
        assert "Contoso Managed IT — confidential" in page.extract_text()
        assert len(page.images) == 1
    # The heading colour is in the page's drawing operators (#b91c1c = 0.725 0.11 0.11).
    ops = reader.pages[0].get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
    assert "0.72549 0.109804 0.109804" in ops or "0.725 0.11 0.11" in ops or "0.7254" in ops


async def test_branding_changes_are_audited(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    await client.put(URL, json={"primary_color": "#1D4ED8"}, headers=tenant.admin.headers)
    await client.put(URL, json={"primary_color": "#1d4ed8"}, headers=tenant.admin.headers)
    assert (await _upload(client, tenant, _image("PNG"))).status_code == 200
    assert (await _upload(client, tenant, _image("JPEG"), "image/jpeg")).status_code == 200
    assert (await client.delete(f"{URL}/logo", headers=tenant.admin.headers)).status_code == 200
    events = await audit_events(client, tenant.admin.headers, "account.branding_changed")
    # Newest first; saving the same colour again changed nothing and recorded nothing.
    assert [e["detail"] for e in events] == [
        {"logo": "removed"},
        {"logo": "replaced"},
        {"logo": "added"},
        {
            "from": {"primary_color": None, "footer_text": ""},
            "to": {"primary_color": "#1d4ed8", "footer_text": ""},
        },
    ]
    assert {e["actor_email"] for e in events} == {tenant.admin.email}
