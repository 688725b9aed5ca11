"""Failures through the real SDKs: what is retried, how long we wait, and what callers see."""

from __future__ import annotations

import email.utils
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from resolutionflow.providers.llm import (
    Completion,
    CompletionRequest,
    LLMError,
    LLMProvider,
    Message,
    TextDelta,
)
from resolutionflow.providers.llm.anthropic_provider import AnthropicProvider
from resolutionflow.providers.llm.openai_provider import OpenAIProvider
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI, Reply
from tests.providers.llm.conftest import API_KEY, SleepRecorder, config_for

SCHEMA = {
    "type": "object",
    "properties": {"answer": {"type": "string"}},
    "required": ["answer"],
}


@dataclass
class Rig:
    vendor: str
    server: FakeAnthropic | FakeOpenAI
    provider: LLMProvider
    sleeps: SleepRecorder


@pytest.fixture(params=["anthropic", "openai"])
async def rig(
    request: pytest.FixtureRequest,
    fake_anthropic: FakeAnthropic,
    fake_openai: FakeOpenAI,
    sleeps: SleepRecorder,
) -> AsyncIterator[Rig]:
    vendor: str = request.param
    provider: LLMProvider
    if vendor == "anthropic":
        server: FakeAnthropic | FakeOpenAI = fake_anthropic
        provider = AnthropicProvider(
            config_for(vendor, server.base_url), sleep=sleeps, rand=lambda: 0.5
        )
    else:
        server = fake_openai
        provider = OpenAIProvider(
            config_for(vendor, server.base_url), sleep=sleeps, rand=lambda: 0.5
        )
    yield Rig(vendor, server, provider, sleeps)
    await provider.aclose()


def request(**overrides: object) -> CompletionRequest:
    values: dict[str, object] = {
        "model": "test-model",
        "system": "You are terse.",
        "messages": (Message("user", "Why is the printer offline?"),),
        "timeout_s": 5.0,
    }
    values.update(overrides)
    return CompletionRequest(**values)  # type: ignore[arg-type]


async def collect(provider: LLMProvider, req: CompletionRequest) -> list[TextDelta | Completion]:
    return [event async for event in provider.stream(req)]


# -- retried --------------------------------------------------------------------------------


async def test_rate_limit_waits_as_long_as_retry_after_says(rig: Rig) -> None:
    rig.server.script(Reply(status=429, headers={"retry-after": "3"}), Reply(text="Back online."))

    completion = await rig.provider.complete(request())

    assert completion.text == "Back online."
    assert completion.attempts == 2
    assert len(rig.server.requests) == 2
    assert rig.sleeps.delays == [3.0]


async def test_retry_after_ms_is_preferred(rig: Rig) -> None:
    rig.server.script(
        Reply(status=429, headers={"retry-after": "9", "retry-after-ms": "1500"}), Reply(text="ok")
    )

    await rig.provider.complete(request())

    assert rig.sleeps.delays == [1.5]


async def test_retry_after_as_an_http_date(rig: Rig) -> None:
    when = email.utils.formatdate(time.time() + 10, usegmt=True)
    rig.server.script(Reply(status=429, headers={"retry-after": when}), Reply(text="ok"))

    await rig.provider.complete(request())

    assert len(rig.sleeps.delays) == 1
    assert 7.0 <= rig.sleeps.delays[0] <= 10.0


async def test_retry_after_beyond_the_cap_gives_up_at_once(rig: Rig) -> None:
    rig.server.script(Reply(status=429, headers={"retry-after": "600"}), Reply(text="never"))

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request())

    assert caught.value.kind == "rate_limited"
    assert caught.value.retry_after == 600.0
    assert caught.value.status == 429
    assert len(rig.server.requests) == 1
    assert rig.sleeps.delays == []


@pytest.mark.parametrize("status", [500, 502, 503, 504, 529])
async def test_server_errors_are_retried_with_growing_backoff(rig: Rig, status: int) -> None:
    rig.server.script(Reply(status=status), Reply(status=status), Reply(text="Recovered."))

    completion = await rig.provider.complete(request())

    assert completion.text == "Recovered."
    assert completion.attempts == 3
    assert len(rig.server.requests) == 3
    # base 0.01 s doubling, equal jitter with rand()=0.5 -> 3/4 of each ceiling
    assert rig.sleeps.delays == pytest.approx([0.0075, 0.015])


async def test_backoff_is_capped(fake_openai: FakeOpenAI, sleeps: SleepRecorder) -> None:
    provider = OpenAIProvider(
        config_for("openai", fake_openai.base_url, max_retries=5, backoff_max_s=0.03),
        sleep=sleeps,
        rand=lambda: 1.0,
    )
    fake_openai.script(*[Reply(status=503)] * 5, Reply(text="ok"))
    try:
        await provider.complete(request())
    finally:
        await provider.aclose()

    assert sleeps.delays == pytest.approx([0.01, 0.02, 0.03, 0.03, 0.03])


async def test_persistent_server_errors_surface_after_max_retries(rig: Rig) -> None:
    rig.server.default(Reply(status=500))

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request())

    assert caught.value.kind == "server"
    assert caught.value.status == 500
    assert len(rig.server.requests) == 3  # first try + max_retries=2


async def test_overloaded_is_its_own_kind(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.default(Reply(status=529))
    provider = AnthropicProvider(config_for("anthropic", fake_anthropic.base_url, max_retries=0))
    try:
        with pytest.raises(LLMError) as caught:
            await provider.complete(request())
    finally:
        await provider.aclose()

    assert caught.value.kind == "overloaded"
    assert "overloaded" in caught.value.message


async def test_slow_replies_time_out_after_retries(rig: Rig) -> None:
    rig.server.default(Reply(delay_s=3, text="too late"))

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request(timeout_s=0.2))

    assert caught.value.kind == "timeout"
    assert len(rig.server.requests) == 3
    assert len(rig.sleeps.delays) == 2


async def test_unreachable_server(sleeps: SleepRecorder) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = OpenAIProvider(
        config_for("openai", f"http://127.0.0.1:{port}/v1", max_retries=1), sleep=sleeps
    )
    try:
        with pytest.raises(LLMError) as caught:
            await provider.complete(request())
    finally:
        await provider.aclose()

    assert caught.value.kind == "unreachable"
    assert caught.value.status is None
    assert len(sleeps.delays) == 1


# -- not retried ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"),
    [(400, "bad_request"), (401, "auth"), (403, "permission"), (404, "not_found")],
)
async def test_client_errors_are_not_retried(rig: Rig, status: int, kind: str) -> None:
    rig.server.default(Reply(status=status))

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request())

    assert caught.value.kind == kind
    assert caught.value.status == status
    assert len(rig.server.requests) == 1
    assert rig.sleeps.delays == []


async def test_wrong_key_says_what_to_do(rig: Rig) -> None:
    rig.server.api_key = "the-right-key"

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request())

    assert caught.value.kind == "auth"
    assert caught.value.message == (
        "The model provider rejected the API key — check it in AI settings."
    )


async def test_bad_request_shows_the_providers_reason(rig: Rig) -> None:
    rig.server.script(Reply(status=400, error_message="max_tokens: must be at most 8192"))

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request())

    assert "max_tokens: must be at most 8192" in caught.value.message


async def test_exhausted_quota_is_not_a_rate_limit(
    fake_openai: FakeOpenAI, openai_provider: OpenAIProvider
) -> None:
    fake_openai.script(
        Reply(status=429, error_code="insufficient_quota", error_type="insufficient_quota")
    )

    with pytest.raises(LLMError) as caught:
        await openai_provider.complete(request())

    assert caught.value.kind == "permission"
    assert "billing" in caught.value.message
    assert len(fake_openai.requests) == 1


async def test_api_key_never_appears_in_errors(rig: Rig) -> None:
    rig.server.script(
        Reply(status=401, error_message=f"Incorrect API key provided: {API_KEY}"),
        Reply(status=400, error_message=f"bad header x-api-key={API_KEY} sk-live-abcdef123456"),
    )

    errors = []
    for _ in range(2):
        with pytest.raises(LLMError) as caught:
            await rig.provider.complete(request())
        errors.append(caught.value)

    for error in errors:
        for shown in (str(error), repr(error), error.message, repr(error.args)):
            assert API_KEY not in shown
            assert "sk-live-abcdef123456" not in shown
        assert error.__cause__ is None and error.__suppress_context__
    assert API_KEY not in repr(rig.provider)


# -- structured output ----------------------------------------------------------------------


async def test_malformed_structured_reply_is_retried_once(rig: Rig) -> None:
    rig.server.script(Reply(raw_text="Sure! The answer is 42."), Reply(json={"answer": "42"}))

    completion = await rig.provider.complete(request(json_schema=SCHEMA))

    assert completion.data == {"answer": "42"}
    assert completion.attempts == 2
    assert len(rig.server.requests) == 2


async def test_malformed_twice_is_reported_as_malformed(rig: Rig) -> None:
    rig.server.default(Reply(raw_text="not json"))

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request(json_schema=SCHEMA))

    assert caught.value.kind == "malformed"
    assert len(rig.server.requests) == 2


async def test_reply_missing_required_fields_is_malformed(rig: Rig) -> None:
    rig.server.default(Reply(json={"something": "else"}))

    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request(json_schema=SCHEMA))

    assert caught.value.kind == "malformed"
    assert "answer" in caught.value.message


# -- streams --------------------------------------------------------------------------------


async def test_stream_is_retried_while_nothing_was_yielded(rig: Rig) -> None:
    rig.server.script(
        Reply(status=429, headers={"retry-after": "2"}),
        Reply(status=503),
        Reply(text="Third time lucky"),
    )

    events = await collect(rig.provider, request())

    final = events[-1]
    assert isinstance(final, Completion)
    assert final.text == "Third time lucky"
    assert final.attempts == 3
    assert rig.sleeps.delays[0] == 2.0
    assert len(rig.sleeps.delays) == 2


async def test_stream_failing_midway_is_not_retried(rig: Rig) -> None:
    rig.server.script(Reply(text="one two three four", fail_after_chunks=2), Reply(text="again"))

    received: list[str] = []
    with pytest.raises(LLMError) as caught:
        async for event in rig.provider.stream(request()):
            assert isinstance(event, TextDelta)
            received.append(event.text)

    assert received == ["one ", "two "]
    assert caught.value.kind in {"overloaded", "server"}
    assert len(rig.server.requests) == 1


async def test_malformed_structured_stream_is_reported(rig: Rig) -> None:
    rig.server.default(Reply(raw_text="{not json"))

    with pytest.raises(LLMError) as caught:
        await collect(rig.provider, request(json_schema=SCHEMA))

    assert caught.value.kind == "malformed"
    assert len(rig.server.requests) == 1  # the broken JSON had already been streamed


async def test_slow_stream_times_out(rig: Rig) -> None:
    rig.server.default(Reply(delay_s=3))

    with pytest.raises(LLMError) as caught:
        await collect(rig.provider, request(timeout_s=0.2))

    assert caught.value.kind == "timeout"
    assert len(rig.server.requests) == 3


# -- requests refused before any network call ----------------------------------------------


async def test_unsupported_image_type_is_refused_up_front(rig: Rig) -> None:
    from resolutionflow.providers.llm import ImageInput

    message = Message("user", "look", images=(ImageInput("image/bmp", b"BM..."),))
    with pytest.raises(LLMError) as caught:
        await rig.provider.complete(request(messages=(message,)))

    assert caught.value.kind == "bad_request"
    assert rig.server.requests == []
