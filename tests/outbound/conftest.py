"""The outbound policy as production runs it (no allowlist), and a DNS the tests control.

The suite allows 127.0.0.0/8 and ::1 (tests/conftest.py) so the vendor stand-ins keep working;
`strict` takes that away for one test, and `dns` makes chosen names resolve where a test wants
(an attacker's name that points at loopback), leaving every other name to the system."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from resolutionflow.config import get_settings
from resolutionflow.outbound import policy
from tests.fakes.local_server import LocalServer


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(get_settings(), "outbound_allow", "")
    yield


class FakeDNS:
    def __init__(self) -> None:
        self.records: dict[str, list[str]] = {}
        self.lookups: list[str] = []

    async def resolve(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        if host.lower() in self.records:
            return list(self.records[host.lower()])
        return await _system(host, port)


_system = policy.system_resolver


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDNS:
    fake = FakeDNS()
    monkeypatch.setattr(policy, "system_resolver", fake.resolve)
    return fake


class Target(LocalServer):
    """A server on loopback that records what reaches it: the internal service an attacker
    aims at. Answers `status` with `body` (and `headers`) to everything."""

    vendor = "target"

    def __init__(self) -> None:
        super().__init__()
        self.status = 200
        self.body: Any = {"company_name": "Internal Only Inc", "Codebase": "v2025_1/"}
        self.headers: dict[str, str] = {}

    def routes(self) -> Sequence[BaseRoute]:
        async def anything(request: Request) -> Response:
            await self._record(request)
            return JSONResponse(self.body, status_code=self.status, headers=self.headers)

        methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
        return [Route("/{path:path}", anything, methods=methods)]


@pytest.fixture(scope="session")
def _target() -> Iterator[Target]:
    with Target() as server:
        yield server


@pytest.fixture
def target(_target: Target) -> Target:
    _target.requests.clear()
    _target.status, _target.headers = 200, {}
    _target.body = {"company_name": "Internal Only Inc", "Codebase": "v2025_1/"}
    return _target
