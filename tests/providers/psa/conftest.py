"""A ConnectWise stand-in for the session, wiped per test, and a provider signed in to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest

from resolutionflow.providers.psa.connectwise import ConnectWise
from resolutionflow.providers.psa.http import RetryPolicy
from tests.fakes.connectwise import FakeConnectWise
from tests.providers.llm.conftest import SleepRecorder

P = TypeVar("P")


@asynccontextmanager
async def signed_in(
    cls: Callable[..., P], config: Mapping[str, str], waits: SleepRecorder
) -> AsyncIterator[P]:
    """A provider of `cls` on `config`, with fast backoff and recorded waits; closed after."""
    client: Any = cls(config, timeout_s=5.0, policy=RetryPolicy(backoff_base_s=0.01), sleep=waits)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
def waits() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
async def provider(cw: FakeConnectWise, waits: SleepRecorder) -> AsyncIterator[ConnectWise]:
    async with signed_in(ConnectWise, cw.credentials(), waits) as client:
        yield client
