"""The `secret` input type in the interchange format: optional (older files keep working),
exported only when set, round-tripped through import/export and the draft API, and suggested by
a warning when an ordinary input asks for something that looks like a password."""

from __future__ import annotations

import json
from typing import Any

import pytest
from httpx import AsyncClient
from pydantic import ValidationError

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import validate
from tests.fixtures.factories import Factory


def _doc(**ask: Any) -> dict[str, Any]:
    return {
        "format": "resolutionflow.flow/1",
        "title": "Join the guest Wi-Fi",
        "start": "i1",
        "nodes": [
            {"id": "i1", "type": "input", "title": "Wi-Fi password", "variable": "psk", **ask},
            {"id": "r1", "type": "resolution", "title": "Connected", "outcome": "resolved"},
        ],
        "edges": [{"source": "i1", "target": "r1", "label": ""}],
    }


def test_a_flow_without_input_type_reads_as_before_and_exports_without_it() -> None:
    doc = FlowDocument.model_validate(_doc())
    assert doc.nodes[0].input_type is None and not doc.nodes[0].secret
    assert "input_type" not in doc.export()["nodes"][0]


def test_text_is_the_default_spelled_out() -> None:
    doc = FlowDocument.model_validate(_doc(input_type="text"))
    assert doc.nodes[0].input_type is None and "input_type" not in doc.export()["nodes"][0]


def test_secret_is_kept_and_exported() -> None:
    doc = FlowDocument.model_validate(_doc(input_type="secret"))
    assert doc.nodes[0].secret
    assert doc.export()["nodes"][0]["input_type"] == "secret"


def test_an_unknown_input_type_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as exc:
        FlowDocument.model_validate(_doc(input_type="hidden"))
    assert exc.value.errors()[0]["loc"] == ("nodes", 0, "input_type")


def test_an_input_that_looks_secret_but_is_not_marked_gets_a_warning_only() -> None:
    problems = validate(FlowDocument.model_validate(_doc()))
    assert [(p.code, p.node_id, p.severity) for p in problems] == [
        ("input_looks_secret", "i1", "warning")
    ]
    assert "mark it Secret" in problems[0].message
    assert validate(FlowDocument.model_validate(_doc(input_type="secret"))) == []
    ordinary = _doc()
    ordinary["nodes"][0].update(title="Error code shown?", variable="error_code")
    assert validate(FlowDocument.model_validate(ordinary)) == []


async def test_secret_survives_create_draft_publish_and_export(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    r = await client.post("/api/v1/flows", headers=h, json=_doc(input_type="secret"))
    assert r.status_code == 201, r.text
    flow = r.json()
    assert flow["draft"]["nodes"][0]["input_type"] == "secret"
    r = await client.post(f"/api/v1/flows/{flow['id']}/publish", headers=h, json={})
    assert r.status_code == 200, r.text
    r = await client.get(f"/api/v1/flows/{flow['id']}/export", headers=h)
    exported = json.loads(r.content)
    assert exported["nodes"][0]["input_type"] == "secret"
    # Importing the exported file keeps it too.
    r = await client.post(
        "/api/v1/flows/import",
        headers={**h, "content-type": "application/json"},
        content=r.content,
    )
    assert r.status_code == 201, r.text
    assert r.json()["draft"]["nodes"][0]["input_type"] == "secret"
