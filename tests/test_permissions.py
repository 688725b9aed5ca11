"""Every route by every role behaves as docs/permissions.md says."""

from __future__ import annotations

import uuid

import pytest
from httpx import AsyncClient

from tests.fixtures.factories import Factory, Tenant
from tests.fixtures.routes import ROLES, Route, app_routes, permission_matrix


def test_every_route_is_in_the_matrix_and_every_row_is_a_route() -> None:
    routes = set(app_routes())
    documented = set(permission_matrix())
    assert routes - documented == set(), "routes missing from docs/permissions.md"
    assert documented - routes == set(), "docs/permissions.md lists routes that do not exist"


@pytest.fixture(scope="module")
async def tenant(app) -> Tenant:  # type: ignore[no-untyped-def]
    return await Factory(app).tenant()


def _url(route: Route) -> str:
    path = route.path
    for name in route.params:
        # Random ids: authorization is decided before any lookup, so none need to exist.
        value = "x" * 43 if name == "token" else str(uuid.uuid4())
        path = path.replace("{" + name + "}", value)
    # Event streams stay open; max_seconds=0 sends what there is and closes.
    return path + ("?max_seconds=0" if path.endswith("/stream") else "")


async def _call(client: AsyncClient, route: Route, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    body = {} if route.method in {"POST", "PUT", "PATCH"} else None
    return await client.request(route.method, _url(route), json=body, headers=headers)


@pytest.mark.parametrize("route", app_routes(), ids=str)
async def test_route_enforces_the_matrix(client: AsyncClient, tenant: Tenant, route: Route) -> None:
    row = permission_matrix().get(route)
    assert row is not None, f"{route} is not in docs/permissions.md"
    anonymous = await _call(client, route, {})
    if not row.public:
        assert anonymous.status_code == 401, f"{route} answered {anonymous.status_code} anonymously"
        assert anonymous.headers["content-type"].startswith("application/problem+json")
    for role in ROLES:
        response = await _call(client, route, tenant[role].headers)
        if row.public:
            # A public route ignores who is calling: same answer with or without a token.
            assert response.status_code == anonymous.status_code, f"{route} as {role}"
        elif role in row.allowed:
            assert response.status_code not in (401, 403), (
                f"{route} refused {role}: {response.status_code} {response.text}"
            )
        else:
            assert response.status_code == 403, (
                f"{route} let {role} through: {response.status_code} {response.text}"
            )
            assert response.json()["status"] == 403
