"""The batch report as a PDF (and with export options): its text holds the report, redacted."""

from __future__ import annotations

import io
import sys

import pytest
from httpx import AsyncClient
from pypdf import PdfReader

from tests.fixtures.factories import Tenant
from tests.maintenance.conftest import TARGETS, event, finish, launch, publish_flow

SECRET = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"


def _text(content: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)


async def _batch(client: AsyncClient, tenant: Tenant) -> str:
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS)
    dc, fs, _ = created["items"]
    sid = dc["session_id"]
    await event(client, tenant.engineer, sid, type="answer", node_id="c1", answer="", items=[0, 1])
    await event(client, tenant.engineer, sid, type="answer", node_id="q1", answer="No")
    await event(
        client,
        tenant.engineer,
        sid,
        type="resolve",
        summary=f"Rotated token {SECRET}; owner ops@fabrikam.example on 10.1.0.10",
    )
    await finish(client, tenant.engineer, fs["session_id"])
    return f"/api/v1/maintenance/batches/{created['id']}/report"


async def test_the_batch_report_as_a_pdf_is_redacted(client: AsyncClient, tenant: Tenant) -> None:
    base = await _batch(client, tenant)
    r = await client.get(base, params={"format": "pdf"}, headers=tenant.viewer.headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"].startswith('attachment; filename="patch-a-server')
    text = _text(r.content)
    assert "FAB-DC01" in text and "Fabrikam" in text and "Contoso" in text
    assert SECRET not in text and "[REDACTED:github_token]" in text
    # The account redacts no PII by default; strict does.
    assert "ops@fabrikam.example" in text
    r = await client.get(
        base,
        params={"format": "pdf", "redaction": "strict", "intent": "preview"},
        headers=tenant.viewer.headers,
    )
    assert r.headers["content-disposition"].startswith("inline;")
    strict = _text(r.content)
    assert "ops@fabrikam.example" not in strict and "[REDACTED:email]" in strict
    assert "[REDACTED:ip_address]" in strict


async def test_report_export_options(client: AsyncClient, tenant: Tenant) -> None:
    base = await _batch(client, tenant)
    standard = (await client.get(base, headers=tenant.viewer.headers)).text
    explicit = (
        await client.get(
            base,
            params={"timestamps": "true", "detail": "standard", "redaction": "standard"},
            headers=tenant.viewer.headers,
        )
    ).text
    assert standard == explicit
    assert " UTC" in standard
    quiet = (
        await client.get(
            base, params={"timestamps": "false", "detail": "summary"}, headers=tenant.viewer.headers
        )
    ).text
    assert " UTC" not in quiet and "Steps performed" not in quiet
    assert "Steps performed" in standard
    r = await client.get(base, params={"detail": "everything"}, headers=tenant.viewer.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"][-1] == "detail"


async def test_without_the_renderer_a_client_pdf_is_503_and_records_nothing(
    client: AsyncClient, tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = await _batch(client, tenant)
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    r = await client.get(
        base,
        params={"format": "pdf", "audience": "client", "intent": "download"},
        headers=tenant.viewer.headers,
    )
    assert r.status_code == 503
    assert "PDF export needs WeasyPrint" in r.json()["detail"]
    batch = (await client.get(base.removesuffix("/report"), headers=tenant.viewer.headers)).json()
    assert len(batch["items"]) == 3
    for item in batch["items"]:
        sent = await client.get(
            f"/api/v1/sessions/{item['session_id']}/redaction-reports",
            headers=tenant.admin.headers,
        )
        assert sent.json() == []
