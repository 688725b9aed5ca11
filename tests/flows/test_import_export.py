"""Import and export of `.rfflow.json` files and whole-library zip archives."""

from __future__ import annotations

import copy
import io
import json
import uuid
import zipfile
from typing import Any

from httpx import AsyncClient, Response

from resolutionflow.flows.document import FlowDocument
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Person

API = "/api/v1"

RICH: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Outlook will not start!",
    "kind": "troubleshooting",
    "description": "Outlook hangs on the splash screen.",
    "category": "Email",
    "tags": ["outlook", "office"],
    "start": "q1",
    "nodes": [
        {
            "id": "q1",
            "type": "question",
            "title": "Does it start in safe mode?",
            "body": "Run `outlook.exe /safe`.",
            "position": {"x": 0, "y": 0},
        },
        {
            "id": "a1",
            "type": "action",
            "title": "Disable COM add-ins",
            "body": "File \u203a Options",
        },
        {
            "id": "c1",
            "type": "checklist",
            "title": "Pre-flight",
            "items": ["Backup PST", "Close Teams"],
        },
        {"id": "i1", "type": "input", "title": "Error code shown?", "variable": "error_code"},
        {"id": "s1", "type": "subflow", "title": "Repair Office", "flow_id": str(uuid.uuid4())},
        {"id": "r1", "type": "resolution", "title": "Add-in disabled", "outcome": "resolved"},
        {"id": "r2", "type": "resolution", "title": "Code {{error_code}}", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q1", "target": "a1", "label": "Yes"},
        {"source": "q1", "target": "c1", "label": "No"},
        {"source": "a1", "target": "r1", "label": ""},
        {"source": "c1", "target": "i1", "label": ""},
        {"source": "i1", "target": "s1", "label": ""},
        {"source": "s1", "target": "r2", "label": ""},
    ],
}

VALID: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Printer offline",
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Does it ping?"},
        {"id": "ok", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        {"id": "no", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "ok", "label": "Yes"},
        {"source": "q", "target": "no", "label": "No"},
    ],
}


def flow(base: dict[str, Any] = VALID, **top: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    data.update(top)
    return data


async def create(client: AsyncClient, who: Person, body: dict[str, Any]) -> str:
    r = await client.post(f"{API}/flows", json=body, headers=who.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def import_raw(
    client: AsyncClient, who: Person, raw: bytes | str, path: str = "/flows/import"
) -> Response:
    content_type = "application/json" if path.endswith("/import") else "application/zip"
    return await client.post(
        API + path,
        content=raw.encode() if isinstance(raw, str) else raw,
        headers={**who.headers, "Content-Type": content_type},
    )


async def count(client: AsyncClient, who: Person) -> int:
    total = 0
    for archived in ("false", "true"):
        r = await client.get(
            f"{API}/flows", params={"limit": 200, "archived": archived}, headers=who.headers
        )
        assert r.status_code == 200, r.text
        total += len(r.json()["items"])
    return total


def graph_of(doc: dict[str, Any]) -> tuple[Any, ...]:
    return (doc["title"], doc["start"], doc["nodes"], doc["edges"])


def stored(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as the API stores it (defaults filled in, nulls dropped)."""
    return FlowDocument.model_validate(doc).export()


def zip_of(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- single files --------------------------------------------------------------------------


async def test_export_is_a_download_of_the_format(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer, RICH)
    r = await client.get(f"{API}/flows/{fid}/export", headers=t.viewer.headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert (
        r.headers["content-disposition"]
        == 'attachment; filename="outlook-will-not-start.rfflow.json"'
    )
    exported = r.json()
    assert exported["format"] == "resolutionflow.flow/1"
    draft = (await client.get(f"{API}/flows/{fid}", headers=t.viewer.headers)).json()["draft"]
    assert exported == draft
    assert exported["nodes"][4]["flow_id"] == RICH["nodes"][4]["flow_id"]
    assert "items" not in exported["nodes"][0]


async def test_a_title_without_ascii_letters_still_gets_a_filename(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer, flow(title="日本語のフロー"))
    r = await client.get(f"{API}/flows/{fid}/export", headers=t.viewer.headers)
    assert r.headers["content-disposition"] == 'attachment; filename="flow.rfflow.json"'
    fid = await create(client, t.engineer, flow(title='Café "Wi-Fi" / VPN'))
    r = await client.get(f"{API}/flows/{fid}/export", headers=t.viewer.headers)
    assert r.headers["content-disposition"] == 'attachment; filename="cafe-wi-fi-vpn.rfflow.json"'


async def test_export_then_import_gives_the_same_graph(
    client: AsyncClient, factory: Factory
) -> None:
    t, other = await factory.tenant(), await factory.tenant()
    fid = await create(client, t.engineer, RICH)
    exported = await client.get(f"{API}/flows/{fid}/export", headers=t.engineer.headers)
    r = await import_raw(client, other.engineer, exported.content)
    assert r.status_code == 201, r.text
    imported = r.json()
    assert imported["id"] != fid
    assert imported["owner_id"] == str(other.engineer.id)
    again = (
        await client.get(f"{API}/flows/{imported['id']}", headers=other.engineer.headers)
    ).json()
    assert graph_of(again["draft"]) == graph_of(exported.json())
    assert again["draft"] == exported.json()
    assert (again["category"], again["tags"], again["kind"]) == (
        "Email",
        ["outlook", "office"],
        "troubleshooting",
    )
    assert again["latest_version"] is None


async def test_import_accepts_a_utf8_byte_order_mark(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    r = await import_raw(client, t.engineer, b"\xef\xbb\xbf" + json.dumps(VALID).encode())
    assert r.status_code == 201, r.text
    assert r.json()["title"] == "Printer offline"


async def test_broken_json_is_422_with_line_and_column(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    raw = '{\n  "format": "resolutionflow.flow/1",\n  "title": "x",\n}\n'
    problem = assert_problem(await import_raw(client, t.engineer, raw), 422)
    [error] = problem["errors"]
    assert (error["line"], error["column"]) == (4, 1)
    assert "line 4" in problem["detail"]
    problem = assert_problem(await import_raw(client, t.engineer, ""), 422)
    assert problem["errors"][0]["line"] == 1
    assert await count(client, t.engineer) == 0


async def test_a_file_of_another_format_is_refused(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    for fmt in ("resolutionflow.flow/2", "something.else/1", None):
        problem = assert_problem(
            await import_raw(client, t.engineer, json.dumps(flow(format=fmt))), 422
        )
        assert problem["errors"][0]["loc"] == ["format"]
    no_format = flow()
    del no_format["format"]
    assert_problem(await import_raw(client, t.engineer, json.dumps(no_format)), 422, field="format")
    for not_object in ("[]", '"text"', "42", "null"):
        assert_problem(await import_raw(client, t.engineer, not_object), 422)
    assert await count(client, t.engineer) == 0


async def test_a_wrongly_shaped_file_names_the_field_and_creates_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, VALID)
    before = await count(client, t.engineer)
    bad = flow()
    bad["nodes"][1]["type"] = "decision"
    problem = assert_problem(await import_raw(client, t.engineer, json.dumps(bad)), 422)
    assert ["nodes", 1, "type"] in [e["loc"] for e in problem["errors"]]
    assert problem["detail"].startswith("nodes.1.type")

    cases: list[tuple[dict[str, Any], list[Any]]] = [
        (flow(title=""), ["title"]),
        (flow(title="x" * 201), ["title"]),
        (flow(edges=[{"source": "q", "label": "x"}]), ["edges", 0, "target"]),
        (flow(tags="outlook"), ["tags"]),
        (flow(revision=3), ["revision"]),
        (flow(kind="urgent"), ["kind"]),
    ]
    for body, loc in cases:
        problem = assert_problem(await import_raw(client, t.engineer, json.dumps(body)), 422)
        assert loc in [e["loc"] for e in problem["errors"]], (loc, problem["errors"])
    nul = json.dumps(flow(title="Printer\u0000offline"))
    assert_problem(await import_raw(client, t.engineer, nul), 422, field="title")
    assert_problem(await import_raw(client, t.engineer, b"\xff\xfe\x00bad"), 422)
    assert await count(client, t.engineer) == before


async def test_an_invalid_graph_of_the_right_shape_is_imported_as_a_draft(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    broken = flow(start="ghost")
    r = await import_raw(client, t.engineer, json.dumps(broken))
    assert r.status_code == 201, r.text
    report = await client.post(f"{API}/flows/{r.json()['id']}/validate", headers=t.engineer.headers)
    assert report.json()["valid"] is False


async def test_viewers_cannot_import(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    assert_problem(await import_raw(client, t.viewer, json.dumps(VALID)), 403)
    assert await count(client, t.viewer) == 0


async def test_export_of_a_version_returns_the_published_graph(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer, VALID)
    r = await client.post(f"{API}/flows/{fid}/publish", json={}, headers=t.admin.headers)
    assert r.status_code == 200, r.text
    r = await client.put(f"{API}/flows/{fid}/draft", json=flow(RICH), headers=t.engineer.headers)
    assert r.status_code == 200, r.text

    v1 = await client.get(
        f"{API}/flows/{fid}/export", params={"version": 1}, headers=t.viewer.headers
    )
    assert v1.status_code == 200, v1.text
    assert v1.headers["content-disposition"] == 'attachment; filename="printer-offline.rfflow.json"'
    assert graph_of(v1.json()) == graph_of(
        (await client.get(f"{API}/flows/{fid}/versions/1", headers=t.viewer.headers)).json()[
            "graph"
        ]
    )
    assert v1.json()["title"] == "Printer offline"
    draft = await client.get(f"{API}/flows/{fid}/export", headers=t.viewer.headers)
    assert draft.json()["title"] == RICH["title"]
    r = await client.get(
        f"{API}/flows/{fid}/export", params={"version": 2}, headers=t.viewer.headers
    )
    assert_problem(r, 404)
    for version in ("0", "-1", "latest"):
        r = await client.get(
            f"{API}/flows/{fid}/export", params={"version": version}, headers=t.viewer.headers
        )
        assert_problem(r, 422)


# --- whole library -------------------------------------------------------------------------


async def test_export_library_holds_every_non_archived_flow_and_a_manifest(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, RICH)
    await create(client, t.engineer, VALID)
    await create(client, t.engineer, VALID)  # same title: a second, distinct file name
    archived = await create(client, t.engineer, flow(title="Old archived flow"))
    r = await client.post(f"{API}/flows/{archived}/archive", headers=t.engineer.headers)
    assert r.status_code == 200

    r = await client.get(f"{API}/flows/export-library", headers=t.viewer.headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"].startswith("attachment;")
    with zipfile.ZipFile(io.BytesIO(r.content)) as archive:
        names = sorted(archive.namelist())
        assert names == [
            "manifest.json",
            "outlook-will-not-start.rfflow.json",
            "printer-offline-2.rfflow.json",
            "printer-offline.rfflow.json",
        ]
        manifest = json.loads(archive.read("manifest.json"))
        assert sorted(manifest["flows"]) == [n for n in names if n != "manifest.json"]
        rich = json.loads(archive.read("outlook-will-not-start.rfflow.json"))
    assert rich["format"] == "resolutionflow.flow/1"
    assert graph_of(rich) == graph_of(stored(RICH))


async def test_import_library_of_an_exported_library_creates_every_flow(
    client: AsyncClient, factory: Factory
) -> None:
    source, target = await factory.tenant(), await factory.tenant()
    await create(client, source.engineer, RICH)
    await create(client, source.engineer, VALID)
    await create(client, source.engineer, flow(title="Third", category="Misc"))
    exported = await client.get(f"{API}/flows/export-library", headers=source.engineer.headers)

    r = await import_raw(client, target.engineer, exported.content, "/flows/import-library")
    assert r.status_code == 201, r.text
    imported = r.json()["imported"]
    assert sorted(f["title"] for f in imported) == [
        "Outlook will not start!",
        "Printer offline",
        "Third",
    ]
    assert all(f["owner_id"] == str(target.engineer.id) for f in imported)
    listed = (await client.get(f"{API}/flows", headers=target.engineer.headers)).json()["items"]
    assert sorted(f["id"] for f in listed) == sorted(f["id"] for f in imported)
    rich = next(f for f in imported if f["title"].startswith("Outlook"))
    draft = (await client.get(f"{API}/flows/{rich['id']}", headers=target.engineer.headers)).json()[
        "draft"
    ]
    assert graph_of(draft) == graph_of(stored(RICH))
    assert await count(client, source.engineer) == 3


async def test_a_library_with_one_bad_file_names_it_and_imports_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    bad = flow()
    bad["nodes"][2]["type"] = "decision"
    raw = zip_of(
        {
            "a-good.rfflow.json": json.dumps(VALID),
            "b-bad.rfflow.json": json.dumps(bad),
            "c-good.rfflow.json": json.dumps(flow(title="Also fine")),
            "manifest.json": "{}",
        }
    )
    problem = assert_problem(
        await import_raw(client, t.engineer, raw, "/flows/import-library"), 422
    )
    assert "b-bad.rfflow.json" in problem["detail"]
    assert [(e["file"], e["loc"]) for e in problem["errors"]] == [
        ("b-bad.rfflow.json", ["nodes", 2, "type"])
    ]
    raw = zip_of({"a.rfflow.json": json.dumps(VALID), "broken.rfflow.json": '{"format": '})
    problem = assert_problem(
        await import_raw(client, t.engineer, raw, "/flows/import-library"), 422
    )
    assert problem["errors"][0]["file"] == "broken.rfflow.json"
    assert "line" in problem["errors"][0] and "column" in problem["errors"][0]
    assert await count(client, t.engineer) == 0


async def test_import_library_refuses_what_is_not_a_library(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    for raw in (b"not a zip at all", b"PK\x03\x04truncated", json.dumps(VALID).encode(), b""):
        assert_problem(await import_raw(client, t.engineer, raw, "/flows/import-library"), 422)
    empty = zip_of({"manifest.json": "{}", "readme.txt": "hi"})
    assert_problem(await import_raw(client, t.engineer, empty, "/flows/import-library"), 422)
    assert_problem(
        await import_raw(
            client, t.viewer, zip_of({"a.rfflow.json": json.dumps(VALID)}), "/flows/import-library"
        ),
        403,
    )
    assert await count(client, t.engineer) == 0


async def test_import_library_refuses_a_zip_bomb_before_expanding_it(
    client: AsyncClient, factory: Factory
) -> None:
    """Nine members of 7.5 MiB each (whitespace, compressing to a few KiB): each under the
    per-file limit, together past what a library may expand to. 413, and nothing imported."""
    from resolutionflow.flows import io as flow_io

    t = await factory.tenant()
    padded = json.dumps(VALID) + " " * (7 * 1024 * 1024 + 512 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for n in range(9):
            z.writestr(f"flow-{n}.rfflow.json", padded)
    raw = buffer.getvalue()
    assert len(raw) < 1024 * 1024  # a small upload
    assert 9 * len(padded) > flow_io.MAX_ARCHIVE_BYTES
    problem = assert_problem(
        await import_raw(client, t.engineer, raw, "/flows/import-library"), 413
    )
    assert "expand to more than 64 MiB" in problem["detail"]
    assert await count(client, t.engineer) == 0


async def test_import_library_refuses_an_archive_of_too_many_entries(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for n in range(5001):
            z.writestr(f"e/{n}.txt", "")
    problem = assert_problem(
        await import_raw(client, t.engineer, buffer.getvalue(), "/flows/import-library"), 413
    )
    assert "5000 entries" in problem["detail"]
