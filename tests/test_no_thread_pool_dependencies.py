"""No route or dependency is a plain `def`: FastAPI runs those in its thread pool, a thread
round trip on every request that uses them (measured: the request-edge `get_db` alone cost
/me about a tenth of its throughput). Blocking work belongs in an explicit
`run_in_threadpool`, where it is visible and deliberate."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # an included router
            yield from _api_routes(route.original_router.routes)
        elif hasattr(route, "routes"):
            yield from _api_routes(route.routes)


def _runs_in_loop(call: Any) -> bool:
    return (
        inspect.iscoroutinefunction(call)
        or inspect.isasyncgenfunction(call)
        or inspect.iscoroutinefunction(getattr(call, "__call__", None))  # noqa: B004
    )


def _sync_dependencies(dependant: Dependant) -> Iterator[str]:
    for sub in dependant.dependencies:
        if sub.call is not None and not _runs_in_loop(sub.call):
            yield f"{sub.call.__module__}.{sub.call.__qualname__}"
        yield from _sync_dependencies(sub)


def test_every_route_and_dependency_runs_on_the_event_loop() -> None:
    from resolutionflow.app import create_app

    routes = list(_api_routes(create_app().routes))
    assert len(routes) > 100  # the walk reached the included routers
    offenders = set()
    for route in routes:
        if not _runs_in_loop(route.endpoint):
            offenders.add(f"{route.path}: endpoint {route.endpoint.__qualname__}")
        offenders.update(f"{route.path}: {name}" for name in _sync_dependencies(route.dependant))
    assert not sorted(offenders)
