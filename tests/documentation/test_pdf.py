"""The session documentation as a PDF: its text layer holds the note, redacted; the renderer
fetches nothing; without the renderer the export is a clear 503."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from httpx import AsyncClient
from pypdf import PdfReader

from resolutionflow.documentation import pdf
from tests.documentation.test_export_options import worked_session
from tests.fixtures.factories import Factory
from tests.sessions.flows import send


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


class _Counting(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tripwire() -> Iterator[tuple[str, list[str]]]:
    """A local web server that records every request made to it."""
    hits: list[str] = []
    handler = type("Handler", (_Counting,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


async def test_pdf_text_layer_holds_the_redacted_note(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid = await worked_session(client, factory)
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "pdf", "intent": "download"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"] == 'attachment; filename="z-drive-gone-for-dana.pdf"'
    assert r.content.startswith(b"%PDF-")
    text = pdf_text(r.content)
    assert "Z: drive gone for Dana" in text
    assert "Remapped Z: via GPO refresh" in text and "0x80070035" in text
    assert "[REDACTED:password]" in text
    assert "Tr0ub4dor&3" not in text and b"Tr0ub4dor" not in r.content
    # A download is an outbound send: recorded with what it redacted.
    reports = (
        await client.get(
            f"/api/v1/sessions/{sid}/redaction-reports", headers=tenant.engineer.headers
        )
    ).json()
    assert reports[0]["detail"] == "download pdf" and reports[0]["counts"] == {"password": 1}


async def test_pdf_takes_the_export_options(client: AsyncClient, factory: Factory) -> None:
    tenant, sid = await worked_session(client, factory)
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "pdf", "redaction": "strict", "detail": "summary", "intent": "preview"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("inline;")
    text = pdf_text(r.content)
    assert "Remapped Z: via GPO refresh" in text
    assert "Steps performed" not in text
    strict = (
        await client.get(
            f"/api/v1/sessions/{sid}/documentation",
            params={"format": "pdf", "redaction": "strict", "detail": "full"},
            headers=tenant.engineer.headers,
        )
    ).content
    text = pdf_text(strict)
    assert "10.20.30.40" not in text and "dana.lee@contoso.com" not in text
    assert "[REDACTED:ip_address]" in text and "[REDACTED:email]" in text


async def test_images_in_a_note_cause_no_request(
    client: AsyncClient, factory: Factory, tripwire: tuple[str, list[str]]
) -> None:
    url, hits = tripwire
    tenant, sid = await worked_session(client, factory)
    await send(
        client,
        tenant,
        sid,
        type="note",
        text=f'See <img src="{url}/raw.png"> and ![shot]({url}/markdown.png) '
        f'<link rel="stylesheet" href="{url}/style.css">',
    )
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "pdf"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 200
    assert hits == []


async def test_the_renderer_refuses_every_url_but_data(tripwire: tuple[str, list[str]]) -> None:
    """Even HTML that was not sanitised cannot make the renderer fetch: the fetcher refuses."""
    url, hits = tripwire
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
        "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    document = (
        f'<html><head><link rel="stylesheet" href="{url}/a.css">'
        f"<style>@import url({url}/b.css); body {{ background: url({url}/c.png) }}</style>"
        f'</head><body><img src="{url}/d.png"><img src="file:///etc/hostname">'
        f'<img src="{pixel}"><p>Inline pixel only</p></body></html>'
    )
    content = await pdf.render(document)
    assert content.startswith(b"%PDF-")
    assert "Inline pixel only" in pdf_text(content)
    assert hits == []


async def test_without_the_renderer_pdf_is_a_clear_503(
    client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant, sid = await worked_session(client, factory)
    # As if WeasyPrint (or the Pango it loads) were not installed.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "pdf"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 503
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "PDF export needs WeasyPrint" in r.json()["detail"]
    # Every other format keeps working.
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "text"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 200
