"""Fake vendor servers and providers wired to them, with waits recorded instead of slept."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from resolutionflow.providers.llm import ProviderConfig
from resolutionflow.providers.llm.anthropic_provider import AnthropicProvider
from resolutionflow.providers.llm.openai_provider import OpenAIProvider
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI

API_KEY = "sk-test-0123456789abcdefSECRET"


class SleepRecorder:
    """Stands in for asyncio.sleep in the retry loop: remembers each wait, waits for none."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture(scope="session")
def _anthropic_server() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(api_key=API_KEY) as server:
        yield server


@pytest.fixture(scope="session")
def _openai_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(api_key=API_KEY) as server:
        yield server


# One server per session, wiped before each test: starting uvicorn per test is the slow part.
@pytest.fixture
def fake_anthropic(_anthropic_server: FakeAnthropic) -> FakeAnthropic:
    _anthropic_server.reset()
    return _anthropic_server


@pytest.fixture
def fake_openai(_openai_server: FakeOpenAI) -> FakeOpenAI:
    _openai_server.reset()
    return _openai_server


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


def config_for(provider: str, base_url: str, **overrides: object) -> ProviderConfig:
    values: dict[str, object] = {
        "provider": provider,
        "api_key": API_KEY,
        "base_url": base_url,
        "max_retries": 2,
        "backoff_base_s": 0.01,
        "backoff_max_s": 0.05,
    }
    values.update(overrides)
    return ProviderConfig(**values)  # type: ignore[arg-type]


@pytest.fixture
async def anthropic_provider(
    fake_anthropic: FakeAnthropic, sleeps: SleepRecorder
) -> AsyncIterator[AnthropicProvider]:
    provider = AnthropicProvider(
        config_for("anthropic", fake_anthropic.base_url), sleep=sleeps, rand=lambda: 0.5
    )
    yield provider
    await provider.aclose()


@pytest.fixture
async def openai_provider(
    fake_openai: FakeOpenAI, sleeps: SleepRecorder
) -> AsyncIterator[OpenAIProvider]:
    provider = OpenAIProvider(
        config_for("openai", fake_openai.base_url), sleep=sleeps, rand=lambda: 0.5
    )
    yield provider
    await provider.aclose()
