"""A ConnectWise stand-in for the session, wiped per test, and a provider signed in to it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from resolutionflow.providers.psa.connectwise import ConnectWise
from resolutionflow.providers.psa.http import RetryPolicy
from tests.fakes.connectwise import FakeConnectWise
from tests.providers.llm.conftest import SleepRecorder


@pytest.fixture
def waits() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
async def provider(cw: FakeConnectWise, waits: SleepRecorder) -> AsyncIterator[ConnectWise]:
    client = ConnectWise(
        cw.credentials(), timeout_s=5.0, policy=RetryPolicy(backoff_base_s=0.01), sleep=waits
    )
    yield client
    await client.aclose()
