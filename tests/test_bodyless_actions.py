"""A POST action whose body fields are all optional takes an empty body: `curl -X POST
…/flows/{id}/publish` publishes, it does not answer 422 "Field required"."""

from __future__ import annotations

import uuid

import pytest
from httpx import AsyncClient

from tests.fixtures.factories import Factory, Tenant
from tests.fixtures.routes import Route


def _optional_body_posts() -> list[Route]:
    from resolutionflow.app import create_app

    spec = create_app().openapi()
    schemas = spec["components"]["schemas"]
    out = []
    for path, ops in spec["paths"].items():
        op = ops.get("post")
        body = (op or {}).get("requestBody", {}).get("content", {}).get("application/json")
        if not body:
            continue
        ref = body["schema"].get("$ref", "")
        schema = schemas.get(ref.rsplit("/", 1)[-1], body["schema"])
        if schema.get("type") == "object" and not schema.get("required"):
            out.append(Route("POST", path))
    return out


# An answer needs an option, some text or a skip: its model says so, and an empty body is
# refused with that message rather than defaulted.
NEEDS_SOMETHING = {Route("POST", "/api/v1/sessions/{session_id}/pilot/steps/{step_id}/answer")}
ROUTES = [r for r in _optional_body_posts() if r not in NEEDS_SOMETHING]


def test_the_walk_finds_the_actions() -> None:
    assert Route("POST", "/api/v1/flows/{flow_id}/publish") in ROUTES
    assert Route("POST", "/api/v1/sessions/{session_id}/psa/push") in ROUTES


@pytest.fixture(scope="module")
async def tenant(app) -> Tenant:  # type: ignore[no-untyped-def]
    return await Factory(app).tenant()


@pytest.mark.parametrize("route", ROUTES, ids=str)
async def test_an_empty_body_is_not_missing(
    client: AsyncClient, tenant: Tenant, route: Route
) -> None:
    path = route.path
    for name in route.params:
        path = path.replace("{" + name + "}", str(uuid.uuid4()))
    r = await client.post(path, headers=tenant.admin.headers)
    if r.status_code == 422:
        missing = [e for e in r.json().get("errors", []) if e.get("loc") == ["body"]]
        assert not missing, f"{route} wants a body: {r.text}"


async def test_publish_with_no_body_publishes(client: AsyncClient, tenant: Tenant) -> None:
    from tests.sessions.flows import EVERY_TYPE

    h = tenant.admin.headers
    flow_id = (await client.post("/api/v1/flows", headers=h, json=EVERY_TYPE)).json()["id"]
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 1
