"""Knowledge documents through the API: upload, list, read, re-index, delete, and the index the
copilot reads from."""

from __future__ import annotations

from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory

RUNBOOK = (
    b"# Printer runbook\n\n## Spooler\n\nWhen jobs stick in the queue, restart the spooler:\n\n"
    b"```powershell\nRestart-Service Spooler -Force\n```\n\n## Toner\n\nOrder toner from the portal.\n"
)


async def test_upload_list_read_reindex_delete(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    r = await client.post(
        "/api/v1/knowledge/documents",
        params={"filename": "printers.md"},
        headers={**h, "Content-Type": "text/markdown"},
        content=RUNBOOK,
    )
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["title"] == "Printer runbook" and doc["format"] == "markdown"
    assert doc["status"] == "indexed" and doc["chunk_count"] == len(doc["chunks"]) >= 1
    assert any("Restart-Service Spooler -Force" in c["text"] for c in doc["chunks"])

    # Everyone in the account may read; the list is searchable by title.
    listed = await client.get(
        "/api/v1/knowledge/documents", headers=tenant.viewer.headers, params={"q": "printer"}
    )
    assert [d["id"] for d in listed.json()["items"]] == [doc["id"]]
    assert listed.json()["items"][0]["uploaded_by_name"] == tenant.admin.name

    r = await client.post(f"/api/v1/knowledge/documents/{doc['id']}/reindex", headers=h)
    assert r.status_code == 200 and r.json()["chunk_count"] == doc["chunk_count"]

    sid = (
        await client.post("/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "p"})
    ).json()["id"]

    async def cites() -> bool:
        reply = await client.post(
            f"/api/v1/sessions/{sid}/copilot/messages",
            headers=tenant.engineer.headers,
            json={"content": "print jobs stuck in the spooler queue"},
        )
        return any(s["id"] == doc["id"] for s in reply.json()["sources"])

    assert await cites()
    r = await client.delete(f"/api/v1/knowledge/documents/{doc['id']}", headers=h)
    assert r.status_code == 204
    assert (
        await client.get(f"/api/v1/knowledge/documents/{doc['id']}", headers=h)
    ).status_code == 404
    assert not await cites()  # gone from the index too


async def test_unreadable_files_are_refused_with_the_reason_and_nothing_is_stored(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    for filename, content, words in (
        ("budget.xlsx", b"PK\x03\x04" + b"\x00" * 40, "Unsupported file type"),
        ("scan.pdf", b"%PDF-1.4 garbage", "PDF"),
        ("empty.md", b"", "empty"),
    ):
        r = await client.post(
            "/api/v1/knowledge/documents", params={"filename": filename}, headers=h, content=content
        )
        assert_problem(r, 422)
        assert words.lower() in r.json()["detail"].lower(), r.json()
    listed = await client.get("/api/v1/knowledge/documents", headers=h)
    assert listed.json()["items"] == []
