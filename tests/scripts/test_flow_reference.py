"""An action node may reference a script: it round-trips in the flow document (absent when not
set, so older files are unchanged), and publishing refuses a script the library does not have
(deleted, or another account's)."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from httpx import AsyncClient

from resolutionflow.flows.document import FlowDocument
from tests.fixtures.factories import Factory
from tests.flows.test_drafts_and_versions import FLOW, create, get, publish, put
from tests.scripts.conftest import make_script


def with_script(script_id: str, node_type: str = "action") -> dict[str, Any]:
    data = copy.deepcopy(FLOW)
    data["nodes"][1] = {**data["nodes"][1], "type": node_type, "script_id": script_id}
    return data


def test_the_field_is_optional_and_left_out_when_unset() -> None:
    assert "script_id" not in FlowDocument.model_validate(FLOW).export()["nodes"][1]
    sid = uuid.uuid4()
    exported = FlowDocument.model_validate(with_script(str(sid))).export()
    assert exported["nodes"][1]["script_id"] == str(sid)


async def test_publishing_checks_the_script_is_in_the_library(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    script = await make_script(client, tenant.engineer)
    flow_id = await create(client, tenant.admin, with_script(script["id"]))
    assert (await get(client, tenant.admin, flow_id))["draft"]["nodes"][1]["script_id"] == script[
        "id"
    ]
    r = await publish(client, tenant.admin, flow_id)
    assert r.status_code in (200, 201), r.text

    stranger = await factory.tenant()
    theirs = await make_script(client, stranger.engineer)
    for ref in (theirs["id"], str(uuid.uuid4())):
        r = await put(client, tenant.admin, flow_id, with_script(ref))
        assert r.status_code == 200, r.text
        r = await publish(client, tenant.admin, flow_id)
        assert r.status_code == 422
        codes = {p["code"] for p in r.json()["problems"]}
        assert codes == {"script_unknown"}

    r = await put(client, tenant.admin, flow_id, with_script(script["id"], node_type="question"))
    r = await publish(client, tenant.admin, flow_id)
    assert r.status_code == 422
    assert "script_on_wrong_node" in {p["code"] for p in r.json()["problems"]}
