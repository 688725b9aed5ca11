"""No two API routes of different routers answer the same request, so the routers' order in
app.API_ROUTERS decides nothing but how soon a request finds its route (the busiest first)."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from starlette.routing import compile_path

from resolutionflow.app import API_ROUTERS
from resolutionflow.sessions.router import router as sessions_router

# What a path parameter stands for in a sample request; a literal segment ("facets",
# "search") is kept, so a parameter of one route meeting a literal of another is caught too.
_PARAMETER = re.compile(r"\{[^}]+\}")
_SAMPLE = "00000000-0000-0000-0000-000000000001"


def _routes() -> list[tuple[int, APIRoute]]:
    return [
        (n, route)
        for n, router in enumerate(API_ROUTERS)
        for route in router.routes
        if isinstance(route, APIRoute)
    ]


def _overlaps(routes: list[tuple[int, APIRoute]]) -> list[str]:
    return [
        f"{a.methods & b.methods} {a.path} (router {i}) also takes {b.path} (router {j})"
        for i, a in routes
        for j, b in routes
        if i != j
        and a.methods & b.methods
        and compile_path(a.path)[0].match(_PARAMETER.sub(_SAMPLE, b.path))
    ]


def test_routes_of_different_routers_never_answer_the_same_request() -> None:
    assert _overlaps(_routes()) == []


def test_the_check_sees_an_overlap() -> None:
    """A router with a route another router already answers would fail the test above."""
    shadow = APIRoute("/sessions/{anything}", lambda: None, methods=["GET"])
    literal = APIRoute("/flows/facets", lambda: None, methods=["GET"])
    found = _overlaps([*_routes(), (len(API_ROUTERS), shadow), (len(API_ROUTERS), literal)])
    assert any("/sessions/{anything}" in f and "/sessions/{session_id}" in f for f in found)
    assert any("/flows/{flow_id}" in f and "/flows/facets" in f for f in found)


def test_the_sessions_router_is_tried_first() -> None:
    # Note appends and timeline reads are most of a desk's requests.
    assert API_ROUTERS[0] is sessions_router
