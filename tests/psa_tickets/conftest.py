"""A tenant connected to the ConnectWise stand-in (shared helpers with tests/psa)."""

from __future__ import annotations

import pytest

from resolutionflow.config import get_settings
from tests.fixtures.factories import Factory, Tenant


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


@pytest.fixture
async def other_tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


@pytest.fixture
def quick_psa(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short PSA timeout, so a stalled answer is given up on quickly."""
    monkeypatch.setattr(get_settings(), "psa_timeout_s", 0.5)
    monkeypatch.setattr(get_settings(), "psa_backoff_base_s", 0.01)
