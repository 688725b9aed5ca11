"""The shared retry loop and the parsing it relies on, without any network."""

from __future__ import annotations

import email.utils
from collections.abc import AsyncGenerator

import pytest

from resolutionflow.providers.llm import Completion, LLMError, StreamEvent, TextDelta, Usage
from resolutionflow.providers.llm.errors import parse_retry_after, scrub, status_error
from resolutionflow.providers.llm.retry import Retrier, RetryPolicy
from tests.providers.llm.conftest import SleepRecorder

NOW = 1_750_000_000.0


def test_retry_after_in_seconds_and_milliseconds() -> None:
    assert parse_retry_after({"Retry-After": "7"}) == 7.0
    assert parse_retry_after({"retry-after": "0.25"}) == 0.25
    assert parse_retry_after({"retry-after-ms": "1200", "retry-after": "5"}) == 1.2
    assert parse_retry_after({}) is None
    assert parse_retry_after({"retry-after": "soon"}) is None


def test_retry_after_as_http_date() -> None:
    date = email.utils.formatdate(NOW + 42, usegmt=True)
    assert parse_retry_after({"retry-after": date}, now=NOW) == pytest.approx(42.0)
    past = email.utils.formatdate(NOW - 42, usegmt=True)
    assert parse_retry_after({"retry-after": past}, now=NOW) == 0.0


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, "bad_request"),
        (401, "auth"),
        (402, "permission"),
        (403, "permission"),
        (404, "not_found"),
        (408, "timeout"),
        (413, "bad_request"),
        (429, "rate_limited"),
        (500, "server"),
        (502, "server"),
        (503, "server"),
        (504, "server"),
        (529, "overloaded"),
    ],
)
def test_status_kinds(status: int, kind: str) -> None:
    assert status_error(status, {}, None, secret="k").kind == kind


def test_error_event_inside_a_stream_is_classified_by_its_type() -> None:
    body = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    error = status_error(200, {}, body, secret="k")
    assert error.kind == "overloaded"
    assert error.status is None


def test_scrub_removes_the_key_and_key_shaped_text() -> None:
    text = scrub("key my-secret-value and sk-proj-abcdef0123 rejected", "my-secret-value")
    assert "my-secret-value" not in text
    assert "sk-proj-abcdef0123" not in text


def make_retrier(**policy: float) -> tuple[Retrier, SleepRecorder]:
    sleeps = SleepRecorder()
    values = {"max_retries": 3, "backoff_base_s": 1.0, "backoff_max_s": 4.0} | policy
    return Retrier(RetryPolicy(**values), sleep=sleeps, rand=lambda: 0.0), sleeps  # type: ignore[arg-type]


async def test_call_reports_attempts_and_backs_off_exponentially() -> None:
    retrier, sleeps = make_retrier()
    outcomes: list[LLMError | str] = [LLMError("server"), LLMError("unreachable"), "ok"]

    async def attempt() -> str:
        outcome = outcomes.pop(0)
        if isinstance(outcome, LLMError):
            raise outcome
        return outcome

    assert await retrier.call(attempt) == ("ok", 3)
    assert sleeps.delays == [0.5, 1.0]  # rand()=0 -> half of 1 s, then half of 2 s


async def test_call_stops_at_max_retries_and_raises_the_last_error() -> None:
    retrier, sleeps = make_retrier(max_retries=2)
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        raise LLMError("overloaded", status=529)

    with pytest.raises(LLMError) as caught:
        await retrier.call(attempt)
    assert caught.value.kind == "overloaded"
    assert calls == 3
    assert len(sleeps.delays) == 2


async def test_malformed_is_retried_once_even_without_retries() -> None:
    retrier, sleeps = make_retrier(max_retries=0)
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        raise LLMError("malformed")

    with pytest.raises(LLMError) as caught:
        await retrier.call(attempt)
    assert caught.value.kind == "malformed"
    assert calls == 2
    assert sleeps.delays == [0.0]


async def test_stream_retries_before_the_first_delta_only() -> None:
    retrier, _ = make_retrier()
    opened = 0

    async def open_stream() -> AsyncGenerator[StreamEvent, None]:
        nonlocal opened
        opened += 1
        if opened == 1:
            raise LLMError("rate_limited", retry_after=1.0)
        yield TextDelta("")  # empty deltas do not count as having yielded anything
        yield TextDelta("partial")
        raise LLMError("server")

    received: list[StreamEvent] = []
    with pytest.raises(LLMError) as caught:
        async for event in retrier.stream(open_stream):
            received.append(event)
    assert caught.value.kind == "server"
    assert opened == 2
    assert received == [TextDelta("partial")]


async def test_stream_sets_attempts_on_the_completion() -> None:
    retrier, _ = make_retrier()
    opened = 0

    async def open_stream() -> AsyncGenerator[StreamEvent, None]:
        nonlocal opened
        opened += 1
        if opened < 3:
            raise LLMError("server", status=500)
        yield TextDelta("hi")
        yield Completion("hi", None, "m", Usage(), "end_turn")

    events = [event async for event in retrier.stream(open_stream)]
    final = events[-1]
    assert isinstance(final, Completion)
    assert final.attempts == 3


async def test_stream_closes_the_vendor_stream_when_the_caller_stops_early() -> None:
    retrier, _ = make_retrier()
    closed = False

    async def open_stream() -> AsyncGenerator[StreamEvent, None]:
        nonlocal closed
        try:
            yield TextDelta("a")
            yield TextDelta("b")
        finally:
            closed = True

    stream = retrier.stream(open_stream)
    async for _ in stream:
        break
    await stream.aclose()  # type: ignore[attr-defined]
    assert closed
